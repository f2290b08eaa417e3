package org.gpconnect.accessrecord.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.gpconnect.accessrecord.record.ClinicalArea;

/** The access-record-service's own settings; a bad value stops start-up with the property's name. */
@ConfigMapping(prefix = "gpconnect.access-record")
public interface AccessRecordConfig {

    /**
     * Clinical areas switched off for every practice (access-record-structured.md §5), by name:
     * {@code allergies, medication, consultations, problems, immunisations, uncategorised-data,
     * investigations, referrals, diary-entries, documents}. None by default. A requested area that is off is
     * answered with the warning "{parameter} has been disabled" (documents: "DocumentReferences has been
     * disabled"). A practice can switch more areas off in the database ({@code practice_clinical_area}); it
     * cannot switch on an area that is off here. Areas this build does not implement must be listed
     * (checked at start-up).
     */
    Optional<Set<ClinicalArea>> disabledAreas();

    /**
     * SNOMED CT codes of the sensitive-data exclusion set (RCGP list, security-and-audit.md P7): items coded
     * with one of them are never shared and their lists carry the confidential-items warning. May be empty.
     */
    Optional<Set<@Pattern(regexp = "[0-9]{6,18}") String>> sensitiveExclusionCodes();

    /**
     * The system of every clinical item's identifier (access-record-structured.md §8: persistent, globally
     * unique, namespaced by the provider). The value is the item's UUID.
     */
    @WithDefault("https://gpconnect-provider-suite.org/Id/record-item")
    @Pattern(regexp = "https://\\S+")
    String identifierSystem();

    /** The time zone of "today" for date parameters (not after today, not before today). */
    @WithDefault("Europe/London")
    ZoneId timeZone();

    /** What the structured CapabilityStatement says about this software. */
    Software software();

    /** Access Record HTML 0.7.4 (access-record-html.md). */
    Html html();

    interface Html {
        /**
         * How many days after death a deceased patient's record may still be shared (access-record-html.md
         * §2: default 28, configurable); later, 404 {@code PATIENT_NOT_FOUND}.
         */
        @WithDefault("28")
        @Min(0)
        int deceasedAccessDays();

        /**
         * SNOMED CT codes of the emergency code list NHS England supplies (access-record-html.md §1.2, §5): when
         * set, the Summary starts with "Emergency Codes", the record's problems and uncategorised entries coded
         * with one of them. Not set (the default): the subsection is switched off and not shown.
         */
        Optional<Set<@Pattern(regexp = "[0-9]{6,18}") String>> emergencyCodes();
    }

    interface Software {
        /** CapabilityStatement.publisher. */
        @WithDefault("GP Connect provider suite")
        @NotBlank
        String publisher();

        /** CapabilityStatement.software.name. */
        @WithDefault("gpconnect-provider-suite access-record-service")
        @NotBlank
        String name();

        /** CapabilityStatement.software.version. */
        @WithDefault("0.1.0")
        @NotBlank
        String version();
    }
}
