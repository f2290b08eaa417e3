package org.gpconnect.gateway.error;

import ca.uhn.fhir.parser.IParser;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * be told), in the FHIR release of the addressed service root. A HEAD request gets the status and headers
 * only, as HTTP requires.
 */
public final class RejectionWriter {

    private RejectionWriter() {
    }

    public static void write(HttpServerRequest request, GatewayRejection rejection) {
        GatewayRejection r = rejection != null ? rejection : GatewayRejection.gpConnect(
                new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "The gateway could not complete the request"));
        FhirVersion version = FhirVersion.fromPath(request.path()).orElse(FhirVersion.STU3);
        FhirFormat format = format(request);
        IBaseResource outcome = r.gpConnectError() != null
                ? OperationOutcomes.of(version, r.gpConnectError())
                : r.sspOutcome().toResource();
        FhirVersion outcomeVersion = FhirContexts.versionOf(outcome);
        IParser parser = format == FhirFormat.XML
                ? FhirContexts.of(outcomeVersion).newXmlParser()
                : FhirContexts.of(outcomeVersion).newJsonParser();
        request.response()
                .setStatusCode(r.httpStatus())
                .putHeader("Content-Type", outcomeVersion.mediaType(format) + ";charset=utf-8");
        if (request.method().name().equals("HEAD")) {
            request.response().end();
        } else {
            request.response().end(parser.encodeResourceToString(outcome));
        }
    }

    private static FhirFormat format(HttpServerRequest request) {
        try {
            return ContentNegotiator.responseFormat(formatParameters(request.query()),
                    request.getHeader("Accept"), request.getHeader("Content-Type"));
        } catch (RuntimeException e) {
            return FhirFormat.JSON;
        }
    }

    private static List<String> formatParameters(String query) {
        if (query == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.startsWith("_format=")) {
                values.add(URLDecoder.decode(pair.substring("_format=".length()), StandardCharsets.UTF_8));
            }
        }
        return values.isEmpty() ? null : values;
    }
}
