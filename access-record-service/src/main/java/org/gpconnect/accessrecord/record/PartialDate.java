package org.gpconnect.accessrecord.record;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.hl7.fhir.dstu3.model.DateTimeType;

/**
 * A clinical date as recorded: a whole year, a month or a day. For date filters it stands for an interval
 * (year: 1 Jan to 31 Dec; month: the whole month; day: that day), access-record-structured.md §6.
 *
 * @param first     the first day of the interval
 * @param precision how much of the date is known
 */
public record PartialDate(LocalDate first, Precision precision) {

    public enum Precision {
        YEAR, MONTH, DAY;

        /** The database spelling ({@code year}, {@code month}, {@code day}). */
        public static Precision of(String value) {
            return Precision.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public static PartialDate day(LocalDate day) {
        return new PartialDate(day, Precision.DAY);
    }

    /** The date from its stored parts, or null when none is recorded. */
    public static PartialDate of(LocalDate first, String precision) {
        return first == null ? null : new PartialDate(first, precision == null ? Precision.DAY : Precision.of(precision));
    }

    /** The last day of the interval. */
    public LocalDate last() {
        return switch (precision) {
            case YEAR -> first.withDayOfYear(first.lengthOfYear());
            case MONTH -> first.withDayOfMonth(first.lengthOfMonth());
            case DAY -> first;
        };
    }

    /** As FHIR shows it: {@code 2016}, {@code 2016-05} or {@code 2016-05-01}, never with a time or zone. */
    public DateTimeType toFhir() {
        return new DateTimeType(switch (precision) {
            case YEAR -> Integer.toString(first.getYear());
            case MONTH -> first.format(DateTimeFormatter.ofPattern("yyyy-MM"));
            case DAY -> first.toString();
        });
    }
}
