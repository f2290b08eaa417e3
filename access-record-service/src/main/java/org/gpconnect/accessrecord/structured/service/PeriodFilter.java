package org.gpconnect.accessrecord.structured.service;

import java.util.Optional;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.structured.request.DateRange;

/**
 * The search-period rule of access-record-structured.md §6: an item is kept when its date falls within
 * the period, a partial date counting as its whole interval (a year, a month) so that an item that may
 * have happened within the period is kept; an item without a date is always kept. Either end of the
 * period may be open.
 */
public final class PeriodFilter {

    private PeriodFilter() {
    }

    public static boolean keep(PartialDate when, Optional<DateRange> period) {
        if (period.isEmpty() || when == null) {
            return true;
        }
        DateRange range = period.get();
        boolean afterStart = range.start() == null || !when.last().isBefore(range.start());
        boolean beforeEnd = range.end() == null || !when.first().isAfter(range.end());
        return afterStart && beforeEnd;
    }
}
