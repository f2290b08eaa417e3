package org.gpconnect.gateway.viewer;

/**
 * What the page shows for one rendering: the HTTP status and Ssp-TraceID of the consumer request, and
 * either the section's XHTML with the patient it is about (for the banner a consumer must show above it,
 * access-record-html.md §3) or the error the gateway or the service answered.
 */
public record RenderResult(int status, String traceId, String practice, String section, String sectionTitle,
                           String html, Patient patient, Outcome outcome) {

    /** The returned Patient's identity, as a consumer's patient banner shows it. */
    public record Patient(String name, String nhsNumber, String birthDate, String gender) {
    }

    /** An OperationOutcome's first issue (the Spine code and display, and the diagnostics). */
    public record Outcome(String code, String display, String diagnostics) {
    }
}
