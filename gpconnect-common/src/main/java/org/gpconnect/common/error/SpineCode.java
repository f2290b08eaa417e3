package org.gpconnect.common.error;

/**
 * The GP Connect error codes a provider emits (foundations.md §5.1): each code with its display text,
 * FHIR issue type and the HTTP status it goes with. Codes are values of the CodeSystem
 * {@value OperationOutcomes#STU3_CODE_SYSTEM}.
 */
public enum SpineCode {
    INVALID_IDENTIFIER_SYSTEM(400, "value", "Invalid identifier system"),
    INVALID_IDENTIFIER_VALUE(400, "value", "Invalid identifier value"),
    INVALID_NHS_NUMBER(400, "value", "Invalid NHS number"),
    INVALID_PATIENT_DEMOGRAPHICS(400, "business-rule", "Invalid patient demographics"),
    BAD_REQUEST(400, "invalid", "Bad request"),
    CONFLICTING_VALUES(400, "invalid", "Conflicting values have been specified in different fields"),
    ACCESS_DENIED(403, "forbidden", "Access denied") {
        @Override
        public String code() {
            return "ACCESS DENIED"; // the spec's code has a space in it
        }
    },
    NO_PATIENT_CONSENT(403, "forbidden", "Patient has not provided consent to share data"),
    NO_ORGANISATION_CONSENT(403, "forbidden", "Organisation has not provided consent to share data"),
    NO_RELATIONSHIP(403, "forbidden", "No legitimate relationship exists with this patient"),
    ORGANISATION_NOT_FOUND(404, "not-found", "Organisation not found"),
    PATIENT_NOT_FOUND(404, "not-found", "Patient not found"),
    PRACTITIONER_NOT_FOUND(404, "not-found", "Practitioner not found"),
    NO_RECORD_FOUND(404, "not-found", "No record found"),
    DUPLICATE_REJECTED(409, "duplicate", "Create would lead to creation of a duplicate resource"),
    FHIR_CONSTRAINT_VIOLATION(409, "conflict", "FHIR constraint violated"),
    INVALID_RESOURCE(422, "invalid", "Invalid validation of resource"),
    INVALID_PARAMETER(422, "invalid", "Invalid parameter"),
    REFERENCE_NOT_FOUND(422, "invalid", "Reference not found"),
    INTERNAL_SERVER_ERROR(500, "exception", "Unexpected internal server error"),
    NOT_IMPLEMENTED(501, "not-supported", "Not implemented");

    private final int httpStatus;
    private final String issueType;
    private final String display;

    SpineCode(int httpStatus, String issueType, String display) {
        this.httpStatus = httpStatus;
        this.issueType = issueType;
        this.display = display;
    }

    /** The code as it appears in {@code issue.details.coding.code}. */
    public String code() {
        return name();
    }

    public String display() {
        return display;
    }

    /** The FHIR {@code issue.code} (IssueType) that goes with this code. */
    public String issueType() {
        return issueType;
    }

    /** The HTTP status the spec pairs with this code. */
    public int httpStatus() {
        return httpStatus;
    }
}
