package org.gpconnect.appointment.booking;

import java.time.Instant;

/** A slot a test books, as found in the database. */
public record TestSlot(long id, Instant start, Instant end) {

    public String reference() {
        return "Slot/" + id;
    }
}
