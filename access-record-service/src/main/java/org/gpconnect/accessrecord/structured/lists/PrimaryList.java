package org.gpconnect.accessrecord.structured.lists;

/** The primary lists, with their SNOMED CT code and title (access-record-structured.md §7.1). */
public enum PrimaryList {
    ALLERGIES("886921000000105", "Allergies and adverse reactions"),
    ENDED_ALLERGIES("1103671000000101", "Ended allergies"),
    CONSULTATIONS("1149501000000101", "List of consultations"),
    DIARY_ENTRIES("714311000000108", "Patient recall administration"),
    IMMUNISATIONS("1102181000000102", "Immunisations"),
    INVESTIGATIONS("887191000000108", "Investigations and results"),
    MEDICATIONS("933361000000108", "Medications and medical devices"),
    REFERRALS("792931000000107", "Outbound referral"),
    PROBLEMS("717711000000103", "Problems"),
    /** §7.1: the code's preferred term is "Miscellaneous record"; the title is "Uncategorised data". */
    UNCATEGORISED_DATA("826501000000100", "Uncategorised data", "Miscellaneous record");

    private final String code;
    private final String title;
    private final String display;

    PrimaryList(String code, String title) {
        this(code, title, title);
    }

    PrimaryList(String code, String title, String display) {
        this.code = code;
        this.title = title;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** {@code code.coding.display}. */
    public String display() {
        return display;
    }
}
