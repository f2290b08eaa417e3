package org.gpconnect.accessrecord.record;

import java.util.Arrays;
import java.util.Optional;

/**
 * The switchable clinical areas of Access Record Structured (access-record-structured.md §2, §5), each
 * with its request parameter (also the name a "has been disabled" warning carries) and its name in
 * configuration and in the {@code practice_clinical_area} table. Documents are switchable but have no
 * request parameter: DocumentReferences only come inside consultations, problems and referrals, and their
 * warning names them {@code DocumentReferences} (§5).
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
    DIARY_ENTRIES("includeDiaryEntries", "diary-entries", "Diary entry"),
    DOCUMENTS("DocumentReferences", "documents", "Document", false);

    private final String parameter;
    private final String configName;
    private final String itemsName;
    private final boolean requestable;

    ClinicalArea(String parameter, String configName, String itemsName) {
        this(parameter, configName, itemsName, true);
    }

    ClinicalArea(String parameter, String configName, String itemsName, boolean requestable) {
        this.parameter = parameter;
        this.configName = configName;
        this.itemsName = itemsName;
        this.requestable = requestable;
    }

    /**
     * Whether the area is asked for by a top-level parameter of its own (every area but documents, which
     * come inside consultations, problems and referrals).
     */
    public boolean requestable() {
        return requestable;
    }

    /**
     * What a reference to an item of this area says instead when the area is switched off (§5):
     * {@code "{Clinical area} items have been disabled"}, e.g. "Referral items have been disabled".
     */
    public String disabledItemsDisplay() {
        return itemsName + " items have been disabled";
    }

    /**
     * The top-level request parameter that asks for the area; for documents the name their warning
     * carries ({@code DocumentReferences}).
     */
    public String parameter() {
        return parameter;
    }

    /** The area's name in configuration and in the database. */
    public String configName() {
        return configName;
    }

    /** The requestable area a top-level parameter asks for. */
    public static Optional<ClinicalArea> byParameter(String parameter) {
        return Arrays.stream(values()).filter(a -> a.requestable && a.parameter.equals(parameter)).findFirst();
    }

    public static Optional<ClinicalArea> byConfigName(String name) {
        return Arrays.stream(values()).filter(a -> a.configName.equals(name)).findFirst();
    }
}
