package org.gpconnect.accessrecord.html.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.gpconnect.accessrecord.html.request.TimePeriod;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.common.interaction.RecordSection;

/**
 * What every table of a view needs to know: whose record, which section, the consumer's range, today in the
 * practice's zone and what must not leave the practice.
 *
 * @param sensitiveCodes the configured sensitive-data exclusion set (security-and-audit.md P7), may be empty
 */
record SectionContext(RecordPatient patient, RecordSection section, Optional<TimePeriod> period, LocalDate today,
                      ZoneId zone, Set<String> sensitiveCodes) {

    Visibility visibility(SharingControls sharing, String code) {
        if (sharing.awaitingFilingSince() != null) {
            return Visibility.WITHHELD;
        }
        if (sharing.confidential() || code != null && sensitiveCodes.contains(code)) {
            return Visibility.EXCLUDED;
        }
        return Visibility.SHOWN;
    }

    /** Whether an item dated {@code when} is in the consumer's range; undated items are never filtered out. */
    boolean inRange(PartialDate when) {
        return period.isEmpty() || when == null || period.get().includes(when);
    }

    /** Whether an item active from {@code from} to {@code to} (null: ongoing) meets the consumer's range. */
    boolean inRange(LocalDate from, LocalDate to) {
        return period.isEmpty() || from == null || period.get().overlaps(from, to);
    }
}
