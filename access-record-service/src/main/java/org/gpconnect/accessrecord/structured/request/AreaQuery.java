package org.gpconnect.accessrecord.structured.request;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.gpconnect.accessrecord.record.ClinicalArea;

/**
 * What the consumer asked of one clinical area: the area's part parameters, validated and with their
 * defaults applied (access-record-structured.md §2). One type per area.
 */
public sealed interface AreaQuery {

    ClinicalArea area();

    /** {@code includeAllergies}: {@code includeResolvedAllergies} is mandatory. */
    record Allergies(boolean includeResolved) implements AreaQuery {
        public ClinicalArea area() {
            return ClinicalArea.ALLERGIES;
        }
    }

    /**
     * {@code includeMedication}: issues are returned unless {@code includePrescriptionIssues=false};
     * {@code medicationSearchFromDate} keeps medication active on or after that day.
     */
    record Medication(boolean includeIssues, Optional<LocalDate> searchFrom) implements AreaQuery {
        public ClinicalArea area() {
            return ClinicalArea.MEDICATION;
        }
    }

    /** {@code includeConsultations}: a period or the N most recent, never both. */
    record Consultations(Optional<DateRange> period, OptionalInt mostRecent) implements AreaQuery {
        public ClinicalArea area() {
            return ClinicalArea.CONSULTATIONS;
        }
    }

    /** {@code includeProblems}: {@code filterStatus} active or inactive. */
    record Problems(Optional<String> filterStatus) implements AreaQuery {
        public ClinicalArea area() {
            return ClinicalArea.PROBLEMS;
        }
    }

    /** {@code includeImmunisations}: not-given only on request; status observations unless switched off. */
    record Immunisations(boolean includeNotGiven, boolean includeStatus) implements AreaQuery {
        public ClinicalArea area() {
            return ClinicalArea.IMMUNISATIONS;
        }
    }

    /** The areas whose only part is a search period (uncategorised data, investigations, referrals). */
    record Period(ClinicalArea area, Optional<DateRange> period) implements AreaQuery {
    }

    /** {@code includeDiaryEntries}: incomplete entries occurring on or before the date. */
    record DiaryEntries(Optional<LocalDate> searchDate) implements AreaQuery {
        public ClinicalArea area() {
            return ClinicalArea.DIARY_ENTRIES;
        }
    }
}
