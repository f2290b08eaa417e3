package org.gpconnect.accessrecord.structured.service;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.accessrecord.record.PracticeSettings;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * What every area section needs to know about the record being put together: whose it is, when, and
 * what must not leave the practice.
 *
 * @param sensitiveCodes the configured sensitive-data exclusion set (may be empty)
 * @param enabledAreas   the clinical areas switched on at the practice
 * @param requested      the areas the request asked for, with their queries
 */
public record RecordContext(PracticeSettings practice, RecordPatient patient, Reference patientReference, LocalDate today,
                            Date created, Set<String> sensitiveCodes, Set<ClinicalArea> enabledAreas,
                            Map<ClinicalArea, AreaQuery> requested) {

    /** Whether the area is switched on for this request's practice. */
    public boolean enabled(ClinicalArea area) {
        return enabledAreas.contains(area);
    }

    /** A fresh set of warnings for one list: the patient-wide ones (data in transit) already in it. */
    public ListWarnings listWarnings() {
        return ListWarnings.forPatient(patient.recordInTransit(), patient.registrationStart());
    }

    /**
     * Whether an item may be shared (access-record-structured.md §6, §9 steps 4-5). An item that may not
     * is left out and marks the list it would have appeared in: awaiting filing ⇒ data-awaiting-filing;
     * practice-confidential or coded in the sensitive exclusion set ⇒ confidential-items.
     */
    public boolean shareable(SharingControls sharing, String code, ListWarnings list) {
        if (sharing.awaitingFilingSince() != null) {
            list.itemAwaitingFiling(sharing.awaitingFilingSince());
            return false;
        }
        if (sharing.confidential() || (code != null && sensitiveCodes.contains(code))) {
            list.confidentialItemExcluded();
            return false;
        }
        return true;
    }
}
