package org.gpconnect.appointment.slot.mapping;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.InstantType;

/**
 * Date-times on Slot, Schedule and Appointment: UK local time with its offset and to the second,
 * {@code yyyy-mm-ddThh:mm:ss+hh:mm}, +00:00 in GMT and +01:00 in BST (appointment-management.md §2), never
 * {@code Z} and never milliseconds.
 */
public final class UkLocalTimes {

    // lower-case offset letters always write a numeric offset (+00:00); the upper-case ones would write Z for UTC
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private UkLocalTimes() {
    }

    /** As text, for the slots the search writes itself. */
    public static String format(Instant value, ZoneId zone) {
        return FORMAT.format(value.atZone(zone));
    }

    /**
     * As a HAPI dateTime: HAPI writes a zone that is not UTC as a numeric offset, so the practice's zone gives
     * exactly the format above, computed from the value rather than parsed back from a string.
     */
    public static DateTimeType dateTime(Instant value, TimeZone zone) {
        return new DateTimeType(Date.from(value), TemporalPrecisionEnum.SECOND, zone);
    }

    /** As a HAPI instant (Appointment.start and end), written the same way. */
    public static InstantType instant(Instant value, TimeZone zone) {
        return new InstantType(Date.from(value), TemporalPrecisionEnum.SECOND, zone);
    }
}
