package org.gpconnect.accessrecord.structured.service;

import java.time.LocalDate;
import java.util.Optional;
import org.gpconnect.accessrecord.record.medication.MedicationAuthorisation;

/**
 * {@code medicationSearchFromDate} (access-record-structured.md §2, §6): keep medication active on or
 * after the date. Active means between the effective start and end inclusive; with no end, an acute item
 * is active on its start day only and anything else (an unknown type included) is ongoing. Partial dates
 * count as their whole interval (a year ends on 31 Dec). Undated items, and medication prescribed
 * elsewhere, are always kept.
 */
public final class MedicationDateFilter {

    private MedicationDateFilter() {
    }

    public static boolean keep(MedicationAuthorisation m, Optional<LocalDate> from) {
        if (from.isEmpty() || m.effectiveStart() == null
                || MedicationAuthorisation.PRESCRIBED_ELSEWHERE.equals(m.prescribingAgency())) {
            return true;
        }
        LocalDate searchFrom = from.get();
        if (m.effectiveEnd() != null) {
            return !m.effectiveEnd().last().isBefore(searchFrom);
        }
        return !m.isAcute() || !m.effectiveStart().last().isBefore(searchFrom);
    }
}
