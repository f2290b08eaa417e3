package org.gpconnect.accessrecord.structured.lists;

/**
 * The three levels of a consultation's structure (access-record-structured.md §7.5), each a List with an
 * id and its SNOMED CT code.
 */
public enum StructureLevel {
    CONSULTATION("325851000000107", "Consultation"),
    TOPIC("25851000000105", "Topic (EHR)"),
    CATEGORY("24781000000107", "Category (EHR)");

    private final String code;
    private final String display;

    StructureLevel(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }
}
