package org.gpconnect.appointment.registration.service;

import io.vertx.pgclient.PgException;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.hibernate.JDBCException;

/**
 * The database's refusal of a second patient with one NHS number at a practice (the UNIQUE (practice_ods,
 * nhs_number) of {@code patient}): the loser of two concurrent registrations is told the patient is already
 * registered, 409 DUPLICATE_REJECTED (foundations.md §9.2), not an internal error.
 */
final class RegistrationConflicts {

    private static final String UNIQUE_VIOLATION = "23505";

    private RegistrationConflicts() {
    }

    static boolean isDuplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())
                    || cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    static GpConnectException alreadyRegistered() {
        return new GpConnectException(SpineCode.DUPLICATE_REJECTED, "The patient is already registered at this practice");
    }
}
