package org.gpconnect.appointment.booking.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time a change is made, to the microsecond PostgreSQL stores, so what is returned is what is stored. */
final class Now {

    private Now() {
    }

    static Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
