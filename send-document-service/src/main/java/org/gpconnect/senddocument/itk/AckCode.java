package org.gpconnect.senddocument.itk;

/**
 * ITK3 response codes (send-document.md §4, code system {@value #SYSTEM}) that this receiver sends.
 * Infrastructure codes answer "could the message be read and is it valid", business codes "is the
 * patient known here".
 */
public enum AckCode {
    HANDLING_SPECIFICATION_ERROR("10001", "Handling Specification Error"),
    INFRASTRUCTURE_RESPONSE_VALUE_ERROR("10002", "Infrastructure Level Response Value - Processing Error"),
    BUSINESS_RESPONSE_VALUE_ERROR("10003", "Business Level Response Value - Processing Error"),
    MESSAGE_DEFINITION_ERROR("10004", "Message Definition Value - Processing Error"),
    MESSAGE_DEFINITION_VERSION_ERROR("10005", "Message Definition Version Value - Processing Error"),
    SENDER_REFERENCE_ERROR("10007", "Sender Reference Value - Processing Error"),
    HANDLING_SPECIFICATION_BUSINESS_RULE_ERROR("10008", "Handling Specification Business Rule Error"),
    UNREADABLE_MESSAGE("10009", "Unreadable message received"),
    RECIPIENT_TYPE_ERROR("10010", "Recipient Type - Processing Error"),
    UNRECOGNISED_RECIPIENT_ORGANISATION("20002", "Unrecognised Recipient Organisation"),
    UNRECOGNISED_SENDER("20003", "Unrecognised Sender"),
    NON_APPROVED_FILE_TYPE("20004", "Non-Approved file type received as an attachment"),
    UNSUPPORTED_FILE_TYPE("20005", "Unsupported file type received as an attachment"),
    HEADER_VALIDATION_FAILURE("20006", "ITK header validation failure"),
    DUPLICATE_MESSAGE("20007", "Duplicate Message received"),
    DUPLICATE_DOCUMENT("20008", "Duplicate Document received"),
    PAYLOAD_VALIDATION_FAILURE("20009", "Payload validation failure"),
    SUCCESS("20013", "Success"),
    REPLACEMENT_NOT_PROCESSED("20014", "Unable to Process Replacement Document"),
    MESSAGE_TOO_LARGE("20015", "Message too large"),
    PATIENT_KNOWN("30001", "Patient known here"),
    PATIENT_NOT_KNOWN("30002", "Patient not known here"),
    PATIENT_NO_LONGER_HERE("30003", "Patient no longer at this clinical setting");

    public static final String SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-ResponseCodes-1";

    private final String code;
    private final String display;

    AckCode(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    public boolean business() {
        return code.startsWith("3");
    }

    /** 20013 and 30001 are positive; everything else is a {@code fatal-error} response. */
    public boolean positive() {
        return this == SUCCESS || this == PATIENT_KNOWN;
    }
}
