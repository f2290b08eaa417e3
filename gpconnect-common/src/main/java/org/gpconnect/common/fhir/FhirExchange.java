package org.gpconnect.common.fhir;

import jakarta.enterprise.context.RequestScoped;

/**
 * What content negotiation decided for the current FHIR request: the FHIR release of the service root it
 * addressed and the format of the response. Set by {@link FhirNegotiationFilter}; read by the
 * reader, the writer and the error mapper.
 */
@RequestScoped
public class FhirExchange {

    private FhirVersion version = FhirVersion.STU3;
    private FhirFormat responseFormat = FhirFormat.JSON;

    public FhirVersion version() {
        return version;
    }

    public FhirFormat responseFormat() {
        return responseFormat;
    }

    void version(FhirVersion version) {
        this.version = version;
    }

    void responseFormat(FhirFormat format) {
        this.responseFormat = format;
    }

    /** The Content-Type of a response body in the negotiated format. */
    public String responseMediaType() {
        return version.mediaType(responseFormat) + ";charset=utf-8";
    }
}
