package org.gpconnect.accessrecord.structured.request;

import static org.gpconnect.accessrecord.structured.request.ParameterCatalogue.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.common.error.GpConnectException;
import org.hl7.fhir.dstu3.model.Type;

/**
 * The not-permitted part combinations of access-record-structured.md §2.1 (422 {@code INVALID_PARAMETER}):
 * with consultations or problems, the other areas' filters would leave gaps a clinician could misread.
 * <p>
 * DECISION (spec §2.1 gives no exact matching rule for the predefined searches): {@code
 * includeMedication.medicationSearchFromDate} is allowed next to consultations/problems only when the
 * whole request has one of the two predefined shapes, any N and any date:
 * <ol>
 *   <li>consultations {includeNumberOfMostRecent} + problems {} + allergies {includeResolvedAllergies=true}
 *       + medication {medicationSearchFromDate};</li>
 *   <li>the same + immunisations {} + uncategorised data {}.</li>
 * </ol>
 * Unrecognised parameters and parts do not count against a shape (they only produce warnings). Every
 * other forbidden combination is rejected.
 */
final class CombinationRules {

    private record Forbidden(ClinicalArea area, String part) {
        String qualified() {
            return area.parameter() + "." + part;
        }
    }

    /** Forbidden with consultations; with problems the same minus the problems filter itself. */
    private static final List<Forbidden> WITH_CONSULTATIONS = List.of(
            new Forbidden(ClinicalArea.MEDICATION, MEDICATION_SEARCH_FROM_DATE),
            new Forbidden(ClinicalArea.UNCATEGORISED_DATA, UNCATEGORISED_DATA_SEARCH_PERIOD),
            new Forbidden(ClinicalArea.PROBLEMS, FILTER_STATUS),
            new Forbidden(ClinicalArea.REFERRALS, REFERRAL_SEARCH_PERIOD),
            new Forbidden(ClinicalArea.DIARY_ENTRIES, DIARY_ENTRIES_SEARCH_DATE),
            new Forbidden(ClinicalArea.IMMUNISATIONS, INCLUDE_NOT_GIVEN),
            new Forbidden(ClinicalArea.IMMUNISATIONS, INCLUDE_STATUS));

    private static final Forbidden MEDICATION_DATE = WITH_CONSULTATIONS.get(0);

    private CombinationRules() {
    }

    static void check(Map<ClinicalArea, Map<String, Type>> parts, Map<ClinicalArea, AreaQuery> queries) {
        boolean consultations = parts.containsKey(ClinicalArea.CONSULTATIONS);
        boolean problems = parts.containsKey(ClinicalArea.PROBLEMS);
        if (!consultations && !problems) {
            return;
        }
        String with = consultations ? ClinicalArea.CONSULTATIONS.parameter() : ClinicalArea.PROBLEMS.parameter();
        for (Forbidden forbidden : WITH_CONSULTATIONS) {
            if (!consultations && forbidden.area() == ClinicalArea.PROBLEMS) {
                continue; // problems may filter themselves
            }
            if (!parts.getOrDefault(forbidden.area(), Map.of()).containsKey(forbidden.part())) {
                continue;
            }
            if (forbidden.equals(MEDICATION_DATE) && isPredefinedSearch(parts, queries)) {
                continue;
            }
            throw GpConnectException.invalidParameter("Parameter " + forbidden.qualified()
                    + " cannot be combined with " + with + " (access-record-structured §2.1)");
        }
    }

    private static boolean isPredefinedSearch(Map<ClinicalArea, Map<String, Type>> parts, Map<ClinicalArea, AreaQuery> queries) {
        Set<ClinicalArea> search1 = Set.of(ClinicalArea.CONSULTATIONS, ClinicalArea.PROBLEMS, ClinicalArea.ALLERGIES, ClinicalArea.MEDICATION);
        Set<ClinicalArea> search2 = Set.of(ClinicalArea.CONSULTATIONS, ClinicalArea.PROBLEMS, ClinicalArea.ALLERGIES, ClinicalArea.MEDICATION,
                ClinicalArea.IMMUNISATIONS, ClinicalArea.UNCATEGORISED_DATA);
        Set<ClinicalArea> areas = parts.keySet();
        if (!areas.equals(search1) && !areas.equals(search2)) {
            return false;
        }
        return parts.get(ClinicalArea.CONSULTATIONS).keySet().equals(Set.of(INCLUDE_NUMBER_OF_MOST_RECENT))
                && parts.get(ClinicalArea.PROBLEMS).isEmpty()
                && parts.get(ClinicalArea.ALLERGIES).keySet().equals(Set.of(INCLUDE_RESOLVED_ALLERGIES))
                && ((AreaQuery.Allergies) queries.get(ClinicalArea.ALLERGIES)).includeResolved()
                && parts.get(ClinicalArea.MEDICATION).keySet().equals(Set.of(MEDICATION_SEARCH_FROM_DATE))
                && parts.getOrDefault(ClinicalArea.IMMUNISATIONS, Map.of()).isEmpty()
                && parts.getOrDefault(ClinicalArea.UNCATEGORISED_DATA, Map.of()).isEmpty();
    }
}
