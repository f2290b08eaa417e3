package org.gpconnect.senddocument.itk;

/**
 * The message breaks a rule of send-document.md: it is answered with a negative infrastructure
 * acknowledgement carrying {@link #code()} and the message as diagnostics, and nothing is passed on.
 */
public class ItkRejection extends RuntimeException {

    private final AckCode code;

    public ItkRejection(AckCode code, String diagnostics) {
        super(diagnostics, null, false, false);
        this.code = code;
    }

    public AckCode code() {
        return code;
    }

    public String diagnostics() {
        return getMessage();
    }
}
