package org.gpconnect.gateway.viewer;

import java.util.Optional;

/**
 * The record sections of Access Record HTML 0.7.4 (access-record-html.md §1.2): the code a consumer asks
 * for, the section title the view carries as its h1, and whether the section takes a date range
 * ({@code timePeriod}; Summary, Allergies and Immunisations do not).
 */
public enum RecordSection {
    SUM("Summary", false),
    PRB("Problems and Issues", true),
    ENC("Encounters", true),
    ALL("Allergies and Adverse Reactions", false),
    MED("Medications", true),
    REF("Referrals", true),
    OBS("Observations", true),
    IMM("Immunisations", false),
    ADM("Administrative Items", true),
    CLI("Clinical Items", true);

    /** The 0.7.4 value set of the {@code recordSection} parameter. */
    public static final String SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-record-section-1";

    private final String title;
    private final boolean dateFilter;

    RecordSection(String title, boolean dateFilter) {
        this.title = title;
        this.dateFilter = dateFilter;
    }

    public String code() {
        return name();
    }

    public String title() {
        return title;
    }

    /** Whether a {@code timePeriod} may be sent with this section. */
    public boolean dateFilter() {
        return dateFilter;
    }

    /** The section of an exact, upper-case code, as the operation itself requires. */
    public static Optional<RecordSection> ofCode(String code) {
        for (RecordSection section : values()) {
            if (section.name().equals(code)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
