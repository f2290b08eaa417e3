package org.gpconnect.accessrecord.structured.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.fhir.ContentNegotiator;
import org.gpconnect.common.fhir.FhirFormat;

/**
 * The body of a record operation ({@code $gpc.getstructuredrecord}, {@code $gpc.getcarerecord}), taken as bytes
 * so that each view's reader can answer a malformed one with its own GP Connect error: bounded in size, and
 * read in the format its Content-Type names.
 */
@ApplicationScoped
public class OperationBody {

    private final int maxBytes;

    public OperationBody(@ConfigProperty(name = "gpconnect.fhir.max-request-body-bytes", defaultValue = "5242880") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body, empty when there is none; 400 BAD_REQUEST when it is larger than the limit. */
    public byte[] bounded(byte[] body) {
        if (body != null && body.length > maxBytes) {
            throw GpConnectException.badRequest("The request body is larger than " + maxBytes + " bytes");
        }
        return body == null ? new byte[0] : body;
    }

    /** The format of the body; the negotiation filter has already refused unsupported types (415). */
    public static FhirFormat format(String contentType) {
        return contentType == null ? FhirFormat.JSON : ContentNegotiator.recognise(contentType).orElse(FhirFormat.JSON);
    }
}
