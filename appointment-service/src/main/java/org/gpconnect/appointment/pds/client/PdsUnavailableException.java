package org.gpconnect.appointment.pds.client;

/**
 * PDS could not give an answer: not configured, unreachable, too slow, overloaded, refusing our token, or answering
 * something unreadable. Register patient answers 500 INTERNAL_SERVER_ERROR (foundations.md §9.2 "PDS unavailable").
 * The message is for the log only, never for the consumer.
 */
public class PdsUnavailableException extends RuntimeException {

    private final boolean transientFailure;

    public PdsUnavailableException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public PdsUnavailableException(String message, boolean transientFailure) {
        this(message, transientFailure, null);
    }

    /** Worth another attempt: I/O failure, timeout, 408, 429 or 5xx. */
    public boolean transientFailure() {
        return transientFailure;
    }
}
