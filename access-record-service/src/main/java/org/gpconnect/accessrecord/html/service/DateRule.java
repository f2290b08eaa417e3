package org.gpconnect.accessrecord.html.service;

import java.util.Optional;
import org.gpconnect.accessrecord.html.request.TimePeriod;
import org.gpconnect.accessrecord.html.view.Banner;

/**
 * How a table treats the consumer's date range, and so which date banner it carries (access-record-html.md
 * §4.2, §5).
 */
enum DateRule {
    /** A section without date filter support (Summary, Allergies, Immunisations): no date banner at all. */
    NONE,
    /** Filtered by the consumer's range. */
    CONSUMER_RANGE,
    /**
     * A subsection of a filterable section that always shows all its records (Active Problems, Acute,
     * Current Repeat and Discontinued Repeat Medication).
     */
    ALL_RECORDS;

    Optional<Banner> banner(Optional<TimePeriod> period) {
        if (this == NONE) {
            return Optional.empty();
        }
        if (period.isEmpty()) {
            return Optional.of(Banner.allRelevantItems());
        }
        if (this == ALL_RECORDS) {
            return Optional.of(Banner.filterNotApplied());
        }
        TimePeriod p = period.get();
        if (p.start() != null && p.end() != null) {
            return Optional.of(Banner.period(p.firstDay(), p.lastDay()));
        }
        return Optional.of(p.start() != null ? Banner.from(p.firstDay()) : Banner.until(p.lastDay()));
    }
}
