package org.gpconnect.common.interaction;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record sections of Access Record HTML 0.7.4 (access-record-html.md §1.2): the code a consumer asks
 * for (upper case, value set {@value #SYSTEM}), the section's title (its {@code <h1>} and the Composition
 * section's title) and whether a {@code timePeriod} may be given for it.
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

    /** The DSTU2 record-section value set (§1.1). */
    public static final String SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-record-section-1";

    private final String title;
    private final boolean dateFilterAllowed;

    RecordSection(String title, boolean dateFilterAllowed) {
        this.title = title;
        this.dateFilterAllowed = dateFilterAllowed;
    }

    public String code() {
        return name();
    }

    public String title() {
        return title;
    }

    /** §1.2: SUM, ALL and IMM take no {@code timePeriod} (400 INVALID_PARAMETER when one is given). */
    public boolean dateFilterAllowed() {
        return dateFilterAllowed;
    }

    /**
     * The section with exactly this code. Matching is case-sensitive on purpose: §2 makes a lower- or
     * mixed-case code an unknown one. INV and PAT exist in the withdrawn STU3 code system only and have no
     * 0.7.4 view, so they are unknown here too.
     */
    public static Optional<RecordSection> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }
}
