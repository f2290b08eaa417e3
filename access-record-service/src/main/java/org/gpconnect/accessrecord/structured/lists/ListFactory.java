package org.gpconnect.accessrecord.structured.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.ListResource.ListMode;
import org.hl7.fhir.dstu3.model.ListResource.ListStatus;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Builds the query lists of a structured record (access-record-structured.md §7): CareConnect-GPC-List-1,
 * status current, mode snapshot, the list's code and title, the patient, creation time, the GP clinical
 * setting, one entry per item, the warning codes with their notes, and when empty the no-content-recorded
 * reason with "Information not available". Query lists have no id and no versionId/lastUpdated.
 */
public final class ListFactory {

    public static final String EMPTY_NOTE = "Information not available";
    private static final Coding GENERAL_PRACTICE = new Coding(CareConnectProfiles.SNOMED, "1060971000000108", "General practice service");

    private ListFactory() {
    }

    /**
     * A primary list (§7.1).
     *
     * @param entries references to the list's items ({@code Type/id}, {@code #id} for contained items, or a
     *                display only for items of a switched-off area)
     * @param created the time the record was put together
     */
    public static ListResource primary(PrimaryList kind, Reference patient, List<Reference> entries, ListWarnings warnings,
                                       Date created) {
        return build(kind.title(), new Coding(CareConnectProfiles.SNOMED, kind.code(), kind.display()), patient, entries,
                warnings, created);
    }

    /**
     * A secondary list (§7.2): coded in GPConnect-SecondaryListValues-1, code = the title lower-cased with
     * " - " and spaces turned into "-", display and title = the title.
     */
    public static ListResource secondary(String title, Reference patient, List<Reference> entries, ListWarnings warnings,
                                         Date created) {
        return build(title, new Coding(CareConnectProfiles.CS_SECONDARY_LIST_VALUES, secondaryCode(title), title), patient,
                entries, warnings, created);
    }

    /**
     * A list of a consultation's structure (§7.5): it has an id, the patient and the consultation's
     * Encounter, the time the consultation was last changed, {@code orderedBy} system (entries in the order
     * the GP system shows them) and at least one entry. Not used on these lists: identifier, source, note,
     * warning codes, empty reason, the clinical setting, entry flag/deleted/date.
     *
     * @param title the consultation type, the topic's or the heading's name; null for an untitled topic
     */
    public static ListResource structure(StructureLevel level, String id, String title, Reference patient, Reference encounter,
                                         Date lastModified, List<Reference> entries) {
        ListResource list = new ListResource();
        list.setId(id);
        list.getMeta().addProfile(CareConnectProfiles.LIST);
        list.setStatus(ListStatus.CURRENT);
        list.setMode(ListMode.SNAPSHOT);
        if (title != null) {
            list.setTitle(title);
        }
        list.setCode(new CodeableConcept().addCoding(new Coding(CareConnectProfiles.SNOMED, level.code(), level.display())));
        list.setSubject(patient.copy());
        list.setEncounter(encounter.copy());
        list.setDate(lastModified);
        list.setOrderedBy(new CodeableConcept().addCoding(new Coding(CareConnectProfiles.CS_LIST_ORDER, "system", "Sorted by System")));
        entries.forEach(ref -> list.addEntry().setItem(ref));
        return list;
    }

    static String secondaryCode(String title) {
        return title.toLowerCase(Locale.ROOT).replace(" - ", "-").replace(' ', '-');
    }

    private static ListResource build(String title, Coding code, Reference patient, List<Reference> entries,
                                      ListWarnings warnings, Date created) {
        ListResource list = new ListResource();
        list.getMeta().addProfile(CareConnectProfiles.LIST);
        list.addExtension(new Extension(CareConnectProfiles.EXT_CLINICAL_SETTING,
                new CodeableConcept().addCoding(GENERAL_PRACTICE.copy())));
        for (ListWarning warning : warnings.asMap().keySet()) {
            list.addExtension(new Extension(CareConnectProfiles.EXT_LIST_WARNING_CODE, new CodeType(warning.code())));
        }
        list.setStatus(ListStatus.CURRENT);
        list.setMode(ListMode.SNAPSHOT);
        list.setTitle(title);
        list.setCode(new CodeableConcept().addCoding(code));
        list.setSubject(patient.copy());
        list.setDate(created);
        entries.forEach(ref -> list.addEntry().setItem(ref));

        List<String> notes = new ArrayList<>();
        for (Map.Entry<ListWarning, LocalDate> warning : warnings.asMap().entrySet()) {
            notes.add(warning.getKey().note(warning.getValue()));
        }
        if (entries.isEmpty()) {
            list.setEmptyReason(new CodeableConcept().addCoding(
                    new Coding(CareConnectProfiles.CS_LIST_EMPTY_REASON, "no-content-recorded", "No Content Recorded")));
            notes.add(EMPTY_NOTE);
        }
        if (!notes.isEmpty()) {
            // §7.3: several warnings: their note texts concatenated in one note
            list.addNote(new Annotation().setText(String.join(" ", notes)));
        }
        return list;
    }
}
