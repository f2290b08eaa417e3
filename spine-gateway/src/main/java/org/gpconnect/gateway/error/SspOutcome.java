package org.gpconnect.gateway.error;

import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;

/**
 * An error the Spine Secure Proxy itself raises (foundations.md §2.3): not GP Connect-profiled; the coding
 * system is the SSP's, the code is the HTTP status as a string, and display and diagnostics carry an
 * upper-case token such as {@code ERROR_COMMUNICATING_TO_ENDPOINT_URL_...}.
 */
public record SspOutcome(int httpStatus, String issueType, String token) {

    public static final String SSP_CODE_SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-schedule-response-code-1-0";

    /** 400: the target URL is not a registered provider endpoint. */
    public static SspOutcome endpointVaries(String registeredEndpoint, String requestedUrl) {
        return new SspOutcome(400, "invalid", "ENDPOINT_" + registeredEndpoint + "_CPAID_UNKNOWN_VARIES_FROM_TARGETURL_" + requestedUrl);
    }

    /** 403: the sending ASID is not accredited for the interaction. */
    public static SspOutcome senderNotAccredited(String fromAsid) {
        return new SspOutcome(403, "forbidden", "ASID_CHECK_FAILED_MESSAGESENDER_" + fromAsid);
    }

    /** 403: the receiving ASID is not accredited for the interaction. */
    public static SspOutcome receiverNotAccredited(String toAsid) {
        return new SspOutcome(403, "forbidden", "PARTYKEY_INTERACTION_CHECK_FAILED_MESSAGERECEIVER_" + toAsid);
    }

    /** 403: this sender may not send this interaction to this receiver. */
    public static SspOutcome notPermitted(String fromAsid, String toAsid) {
        return new SspOutcome(403, "forbidden", "FOT_CHECK_FAILED_MESSAGESENDER_" + fromAsid + "_MESSAGERECEIVER_" + toAsid);
    }

    /** 502: the provider could not be reached or answered nonsense. */
    public static SspOutcome communicationError(String providerUrl) {
        return new SspOutcome(502, "transient", "ERROR_COMMUNICATING_TO_ENDPOINT_URL_" + providerUrl);
    }

    /** 504: the provider did not answer in time. */
    public static SspOutcome timeout(String providerUrl) {
        return new SspOutcome(504, "timeout", "TIMEOUT_COMMUNICATING_TO_ENDPOINT_URL_" + providerUrl);
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
