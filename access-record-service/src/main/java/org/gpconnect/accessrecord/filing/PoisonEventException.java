package org.gpconnect.accessrecord.filing;

/**
 * An event that can never be applied, however often it is retried (unreadable, missing what the record
 * needs, naming a patient this record does not hold): it goes to the dead-letter topic and consumption
 * goes on.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
