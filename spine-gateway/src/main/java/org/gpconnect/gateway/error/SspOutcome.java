package org.gpconnect.gateway.error;

import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;

/**
 * An error the Spine Secure Proxy itself raises (foundations.md §2.3): not GP Connect-profiled; the coding
 * system is the SSP's, the code is the HTTP status as a string, and display and diagnostics carry an
 * upper-case token such as {@code ERROR_COMMUNICATING_TO_ENDPOINT_URL_...}. {@code kind} names the check
 * without the ASIDs and URLs of the token (for metrics).
 */
public record SspOutcome(int httpStatus, String issueType, String token, String kind) {

    public static final String SSP_CODE_SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-schedule-response-code-1-0";

    /** 400: the target URL is not a registered provider endpoint. */
    public static SspOutcome endpointVaries(String registeredEndpoint, String requestedUrl) {
        return new SspOutcome(400, "invalid", "ENDPOINT_" + safe(registeredEndpoint) + "_CPAID_UNKNOWN_VARIES_FROM_TARGETURL_" + safe(requestedUrl), "ENDPOINT_UNKNOWN");
    }

    /** 403: the sending ASID is not accredited for the interaction. */
    public static SspOutcome senderNotAccredited(String fromAsid) {
        return new SspOutcome(403, "forbidden", "ASID_CHECK_FAILED_MESSAGESENDER_" + safe(fromAsid), "ASID_CHECK_FAILED");
    }

    /** 403: the receiving ASID is not accredited for the interaction. */
    public static SspOutcome receiverNotAccredited(String toAsid) {
        return new SspOutcome(403, "forbidden", "PARTYKEY_INTERACTION_CHECK_FAILED_MESSAGERECEIVER_" + safe(toAsid), "PARTYKEY_CHECK_FAILED");
    }

    /** 403: this sender may not send this interaction to this receiver. */
    public static SspOutcome notPermitted(String fromAsid, String toAsid) {
        return new SspOutcome(403, "forbidden", "FOT_CHECK_FAILED_MESSAGESENDER_" + safe(fromAsid) + "_MESSAGERECEIVER_" + safe(toAsid), "FOT_CHECK_FAILED");
    }

    /** 429: the sender, or everyone, has used up the allowance of the current window. */
    public static SspOutcome throttled(String fromAsid) {
        return new SspOutcome(429, "throttled", fromAsid == null ? "RATE_LIMIT_EXCEEDED"
                : "RATE_LIMIT_EXCEEDED_MESSAGESENDER_" + safe(fromAsid), "RATE_LIMITED");
    }

    /** 502: the provider could not be reached or answered nonsense. */
    public static SspOutcome communicationError(String providerUrl) {
        return new SspOutcome(502, "transient", "ERROR_COMMUNICATING_TO_ENDPOINT_URL_" + safe(providerUrl), "COMMUNICATION_ERROR");
    }

    /** 504: the provider did not answer in time. */
    public static SspOutcome timeout(String providerUrl) {
        return new SspOutcome(504, "timeout", "TIMEOUT_COMMUNICATING_TO_ENDPOINT_URL_" + safe(providerUrl), "TIMEOUT");
    }

    /** Echoes consumer input into a token only printable and bounded. */
    private static String safe(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("[^\\x21-\\x7E]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) : printable;
    }

    public OperationOutcome toResource() {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(IssueType.fromCode(issueType))
                .setDetails(new CodeableConcept().addCoding(new Coding(SSP_CODE_SYSTEM, Integer.toString(httpStatus), token)))
                .setDiagnostics(token);
        return outcome;
    }
}
