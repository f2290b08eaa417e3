package org.gpconnect.accessrecord.html.request;

import java.time.LocalDate;
import org.gpconnect.accessrecord.record.PartialDate;

/**
 * The consumer's {@code timePeriod} (access-record-html.md §1.1, §4.2): a start and/or an end, each possibly
 * partial. It stands for whole days, start of the start day to the end of the end day, a partial start
 * expanded to its first day ({@code 2012} → 1 Jan 2012) and a partial end to its last ({@code 2016-09} →
 * 30 Sep 2016). An open end runs on (future included); an open start takes everything up to the end.
 *
 * @param start the start as given, or null
 * @param end   the end as given, or null
 */
public record TimePeriod(PartialDate start, PartialDate end) {

    /** The first day of the period, or null when it has no start. */
    public LocalDate firstDay() {
        return start == null ? null : start.first();
    }

    /** The last day of the period, or null when it has no end. */
    public LocalDate lastDay() {
        return end == null ? null : end.last();
    }

    /** Whether the days {@code from}..{@code to} (either may be null: open) meet the period. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean endsAfterStart = firstDay() == null || to == null || !to.isBefore(firstDay());
        boolean startsBeforeEnd = lastDay() == null || from == null || !from.isAfter(lastDay());
        return endsAfterStart && startsBeforeEnd;
    }

    /** Whether an item dated {@code when} (a partial date counts as its whole interval) falls in the period. */
    public boolean includes(PartialDate when) {
        return overlaps(when.first(), when.last());
    }
}
