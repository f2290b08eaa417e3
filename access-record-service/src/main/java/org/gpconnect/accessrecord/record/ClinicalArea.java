package org.gpconnect.accessrecord.record;

import java.util.Arrays;
import java.util.Optional;

/**
 * The switchable clinical areas of Access Record Structured (access-record-structured.md §2, §5), each
 * with its request parameter (also the name a "has been disabled" warning carries) and its name in
 * configuration and in the {@code practice_clinical_area} table.
 */
public enum ClinicalArea {
    ALLERGIES("includeAllergies", "allergies", "Allergy"),
    MEDICATION("includeMedication", "medication", "Medication"),
    CONSULTATIONS("includeConsultations", "consultations", "Consultation"),
    PROBLEMS("includeProblems", "problems", "Problem"),
    IMMUNISATIONS("includeImmunisations", "immunisations", "Immunisation"),
    UNCATEGORISED_DATA("includeUncategorisedData", "uncategorised-data", "Uncategorised data"),
    INVESTIGATIONS("includeInvestigations", "investigations", "Investigation"),
    REFERRALS("includeReferrals", "referrals", "Referral"),
    DIARY_ENTRIES("includeDiaryEntries", "diary-entries", "Diary entry");

    private final String parameter;
    private final String configName;
    private final String itemsName;

    ClinicalArea(String parameter, String configName, String itemsName) {
        this.parameter = parameter;
        this.configName = configName;
        this.itemsName = itemsName;
    }

    /**
     * What a reference to an item of this area says instead when the area is switched off (§5):
     * {@code "{Clinical area} items have been disabled"}, e.g. "Referral items have been disabled".
     */
    public String disabledItemsDisplay() {
        return itemsName + " items have been disabled";
    }

    /** The top-level request parameter that asks for the area. */
    public String parameter() {
        return parameter;
    }

    /** The area's name in configuration and in the database. */
    public String configName() {
        return configName;
    }

    public static Optional<ClinicalArea> byParameter(String parameter) {
        return Arrays.stream(values()).filter(a -> a.parameter.equals(parameter)).findFirst();
    }

    public static Optional<ClinicalArea> byConfigName(String name) {
        return Arrays.stream(values()).filter(a -> a.configName.equals(name)).findFirst();
    }
}
