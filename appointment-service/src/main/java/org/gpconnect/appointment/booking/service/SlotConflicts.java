package org.gpconnect.appointment.booking.service;

import io.vertx.pgclient.PgException;
import java.util.Set;
import org.hibernate.JDBCException;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * Database refusals that mean "someone else got the slot": the one-holder unique index, or (should two bookings
 * of overlapping slots ever wait on each other) a deadlock or serialization failure. They are the race-loser's
 * answer, 409 DUPLICATE_REJECTED (appointment-management.md §4.4), not an internal error.
 */
final class SlotConflicts {

    private static final Set<String> SQL_STATES = Set.of(
            "23505",  // unique_violation: appointment_slot_one_holder_idx
            "40P01",  // deadlock_detected
            "40001"); // serialization_failure

    private SlotConflicts() {
    }

    static boolean isSlotConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // Hibernate reports the database's refusal as a JDBCException carrying the SQL state; the PostgreSQL
            // client's own exception may be under it or used directly
            if (cause instanceof JDBCException jdbc && SQL_STATES.contains(jdbc.getSQLState())
                    || cause instanceof PgException pg && SQL_STATES.contains(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    static GpConnectException slotTaken() {
        return new GpConnectException(SpineCode.DUPLICATE_REJECTED,
                "A slot of this appointment has just been booked by someone else: search for free slots again");
    }
}
