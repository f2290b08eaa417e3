package org.gpconnect.senddocument.mesh;

/**
 * A MESH request failed. {@link #transientFailure()} tells whether trying again may help (I/O errors,
 * timeouts, 429, 5xx) or not (4xx: a wrong request or credentials, an unknown or expired message).
 */
public class MeshException extends RuntimeException {

    private final int status;
    private final boolean transientFailure;

    public MeshException(String message, int status, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    /** HTTP status MESH answered, 0 when there was no answer (I/O error, timeout). */
    public int status() {
        return status;
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    static boolean isTransientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
