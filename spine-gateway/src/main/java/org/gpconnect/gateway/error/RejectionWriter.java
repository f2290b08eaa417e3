package org.gpconnect.gateway.error;

import ca.uhn.fhir.parser.IParser;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.OperationOutcomes;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.fhir.ContentNegotiator;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.FhirFormat;
import org.gpconnect.common.fhir.FhirVersion;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Writes a rejection as an OperationOutcome in the format the consumer asked for (JSON when that cannot
 * be told), in the FHIR release of the addressed service root.
 */
public final class RejectionWriter {

    private RejectionWriter() {
    }

    public static void write(RoutingContext ctx, GatewayRejection rejection) {
        GatewayRejection r = rejection != null ? rejection : GatewayRejection.gpConnect(
                new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "The gateway could not complete the request"));
        FhirVersion version = FhirVersion.fromPath(ctx.request().path()).orElse(FhirVersion.STU3);
        FhirFormat format = format(ctx);
        IBaseResource outcome = r.gpConnectError() != null
                ? OperationOutcomes.of(version, r.gpConnectError())
                : r.sspOutcome().toResource();
        FhirVersion outcomeVersion = FhirContexts.versionOf(outcome);
        IParser parser = format == FhirFormat.XML
                ? FhirContexts.of(outcomeVersion).newXmlParser()
                : FhirContexts.of(outcomeVersion).newJsonParser();
        ctx.response()
                .setStatusCode(r.httpStatus())
                .putHeader("Content-Type", outcomeVersion.mediaType(format) + ";charset=utf-8")
                .end(parser.encodeResourceToString(outcome));
    }

    private static FhirFormat format(RoutingContext ctx) {
        try {
            List<String> formats = ctx.queryParam("_format");
            return ContentNegotiator.responseFormat(formats.isEmpty() ? null : formats,
                    ctx.request().getHeader("Accept"), ctx.request().getHeader("Content-Type"));
        } catch (RuntimeException e) {
            return FhirFormat.JSON;
        }
    }
}
