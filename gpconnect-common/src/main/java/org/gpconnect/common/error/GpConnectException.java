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

    public GpConnectException(int httpStatus, SpineCode spineCode, String issueType, String diagnostics) {
        super(diagnostics, null, false, false); // an expected outcome, not a bug: no stack trace to fill in
        this.httpStatus = httpStatus;
        this.spineCode = spineCode;
        this.issueType = issueType;
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
