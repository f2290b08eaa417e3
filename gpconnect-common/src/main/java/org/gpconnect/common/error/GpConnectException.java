package org.gpconnect.common.error;

/**
 * The one failure type of the suite: it carries what the consumer gets back, an HTTP status, a Spine
 * error code and diagnostics, and is turned into a GP Connect OperationOutcome by
 * {@link GpConnectExceptionMapper}. Diagnostics are shown to the consumer: never put patient data or
 * internals (SQL, stack traces) in them.
 */
public class GpConnectException extends RuntimeException {

    private final int httpStatus;
    private final SpineCode spineCode;
    private final String issueType;
    private final String auditPatientNhsNumber;

    public GpConnectException(int httpStatus, SpineCode spineCode, String issueType, String diagnostics) {
        this(httpStatus, spineCode, issueType, diagnostics, null);
    }

    private GpConnectException(int httpStatus, SpineCode spineCode, String issueType, String diagnostics,
                               String auditPatientNhsNumber) {
        super(diagnostics, null, false, false); // an expected outcome, not a bug: no stack trace to fill in
        this.httpStatus = httpStatus;
        this.spineCode = spineCode;
        this.issueType = issueType;
        this.auditPatientNhsNumber = auditPatientNhsNumber;
    }

    public GpConnectException(SpineCode spineCode, String diagnostics) {
        this(spineCode.httpStatus(), spineCode, spineCode.issueType(), diagnostics);
    }

    public static GpConnectException badRequest(String diagnostics) {
        return new GpConnectException(SpineCode.BAD_REQUEST, diagnostics);
    }

    public static GpConnectException invalidParameter(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_PARAMETER, diagnostics);
    }

    public static GpConnectException invalidResource(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_RESOURCE, diagnostics);
    }

    /**
     * 415: GP Connect defines no code of its own for an unsupported media type, so the outcome carries
     * {@code BAD_REQUEST} (a missing or invalid header, §5.1) with the issue type {@code not-supported}.
     */
    public static GpConnectException unsupportedMediaType(String diagnostics) {
        return new GpConnectException(415, SpineCode.BAD_REQUEST, "not-supported", diagnostics);
    }

    /**
     * The same failure, naming the patient the refused request concerned for the gateway's audit record
     * (never shown to the consumer).
     */
    public GpConnectException forPatient(String nhsNumber) {
        return new GpConnectException(httpStatus, spineCode, issueType, getMessage(), nhsNumber);
    }

    /** The patient the request concerned, for the audit; null when not known. */
    public String auditPatientNhsNumber() {
        return auditPatientNhsNumber;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public SpineCode spineCode() {
        return spineCode;
    }

    public String issueType() {
        return issueType;
    }

    public String diagnostics() {
        return getMessage();
    }
}
