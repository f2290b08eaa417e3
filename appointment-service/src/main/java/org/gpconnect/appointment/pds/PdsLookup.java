package org.gpconnect.appointment.pds;

/** The answer of PDS to a retrieval by NHS number. */
public sealed interface PdsLookup {

    /** PDS holds a record; its {@code nhsNumber} differs from the one asked for when that number was superseded. */
    record Found(PdsPatient patient) implements PdsLookup {
    }

    /** No record with this NHS number (404 {@code RESOURCE_NOT_FOUND}). */
    record NotFound() implements PdsLookup {
    }

    /** The record was invalidated (404 {@code INVALIDATED_RESOURCE}). */
    record Invalidated() implements PdsLookup {
    }

    /** PDS refused the number itself (400 {@code INVALID_RESOURCE_ID}). */
    record InvalidNumber() implements PdsLookup {
    }
}
