package org.gpconnect.accessrecord.structured.request;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gpconnect.accessrecord.record.ClinicalArea;

/**
 * The parameters and parts the operation recognises (access-record-structured.md §2), with the value type
 * each part takes. Anything else is unrecognised: a warning, not an error (§5). The draft
 * {@code includeMedication.filterPrescriptionType} is deliberately absent (§2: treated as unrecognised).
 */
final class ParameterCatalogue {

    static final String PATIENT_NHS_NUMBER = "patientNHSNumber";

    /** The FHIR value type a part must carry. */
    enum ValueKind {
        BOOLEAN("valueBoolean"),
        /** A full date; {@code valueDateTime} is accepted too, so that a time in it is a parameter error. */
        DATE("valueDate"),
        PERIOD("valuePeriod"),
        POSITIVE_INT("valuePositiveInt"),
        CODE("valueCode");

        private final String element;

        ValueKind(String element) {
            this.element = element;
        }

        String element() {
            return element;
        }
    }

    static final String INCLUDE_RESOLVED_ALLERGIES = "includeResolvedAllergies";
    static final String INCLUDE_PRESCRIPTION_ISSUES = "includePrescriptionIssues";
    static final String MEDICATION_SEARCH_FROM_DATE = "medicationSearchFromDate";
    static final String CONSULTATION_SEARCH_PERIOD = "consultationSearchPeriod";
    static final String INCLUDE_NUMBER_OF_MOST_RECENT = "includeNumberOfMostRecent";
    static final String FILTER_STATUS = "filterStatus";
    static final String INCLUDE_NOT_GIVEN = "includeNotGiven";
    static final String INCLUDE_STATUS = "includeStatus";
    static final String UNCATEGORISED_DATA_SEARCH_PERIOD = "uncategorisedDataSearchPeriod";
    static final String INVESTIGATION_SEARCH_PERIOD = "investigationSearchPeriod";
    static final String REFERRAL_SEARCH_PERIOD = "referralSearchPeriod";
    static final String DIARY_ENTRIES_SEARCH_DATE = "diaryEntriesSearchDate";

    private static final Map<ClinicalArea, Map<String, ValueKind>> PARTS = new EnumMap<>(ClinicalArea.class);

    static {
        parts(ClinicalArea.ALLERGIES, INCLUDE_RESOLVED_ALLERGIES, ValueKind.BOOLEAN);
        parts(ClinicalArea.MEDICATION, INCLUDE_PRESCRIPTION_ISSUES, ValueKind.BOOLEAN, MEDICATION_SEARCH_FROM_DATE, ValueKind.DATE);
        parts(ClinicalArea.CONSULTATIONS, CONSULTATION_SEARCH_PERIOD, ValueKind.PERIOD, INCLUDE_NUMBER_OF_MOST_RECENT, ValueKind.POSITIVE_INT);
        parts(ClinicalArea.PROBLEMS, FILTER_STATUS, ValueKind.CODE);
        parts(ClinicalArea.IMMUNISATIONS, INCLUDE_NOT_GIVEN, ValueKind.BOOLEAN, INCLUDE_STATUS, ValueKind.BOOLEAN);
        parts(ClinicalArea.UNCATEGORISED_DATA, UNCATEGORISED_DATA_SEARCH_PERIOD, ValueKind.PERIOD);
        parts(ClinicalArea.INVESTIGATIONS, INVESTIGATION_SEARCH_PERIOD, ValueKind.PERIOD);
        parts(ClinicalArea.REFERRALS, REFERRAL_SEARCH_PERIOD, ValueKind.PERIOD);
        parts(ClinicalArea.DIARY_ENTRIES, DIARY_ENTRIES_SEARCH_DATE, ValueKind.DATE);
    }

    private ParameterCatalogue() {
    }

    /** The recognised parts of an area's parameter, by name. */
    static Map<String, ValueKind> partsOf(ClinicalArea area) {
        return PARTS.get(area);
    }

    private static void parts(ClinicalArea area, Object... nameKindPairs) {
        Map<String, ValueKind> parts = new LinkedHashMap<>();
        for (int i = 0; i < nameKindPairs.length; i += 2) {
            parts.put((String) nameKindPairs[i], (ValueKind) nameKindPairs[i + 1]);
        }
        PARTS.put(area, Map.copyOf(parts));
    }
}
