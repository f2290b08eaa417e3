package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.allergy.AllergyRecord;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord.Category;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord.Item;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord.ItemType;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord.Topic;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord;
import org.gpconnect.accessrecord.record.diary.DiaryEntryRecord;
import org.gpconnect.accessrecord.record.document.DocumentRecord;
import org.gpconnect.accessrecord.record.immunisation.ImmunisationRecord;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord;
import org.gpconnect.accessrecord.record.medication.MedicationAuthorisation;
import org.gpconnect.accessrecord.record.medication.MedicationIssue;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.accessrecord.record.problem.ProblemRecord;
import org.gpconnect.accessrecord.record.referral.ReferralRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.lists.StructureLevel;
import org.gpconnect.accessrecord.structured.mapping.AllergyIntoleranceMapper;
import org.gpconnect.accessrecord.structured.mapping.ClinicalResources;
import org.gpconnect.accessrecord.structured.mapping.DiaryEntryMapper;
import org.gpconnect.accessrecord.structured.mapping.DocumentReferenceMapper;
import org.gpconnect.accessrecord.structured.mapping.EncounterMapper;
import org.gpconnect.accessrecord.structured.mapping.ImmunizationMapper;
import org.gpconnect.accessrecord.structured.mapping.MedicationMapper;
import org.gpconnect.accessrecord.structured.mapping.ObservationMapper;
import org.gpconnect.accessrecord.structured.mapping.ProblemHeaderMapper;
import org.gpconnect.accessrecord.structured.repository.AllergyRepository;
import org.gpconnect.accessrecord.structured.repository.ConsultationRepository;
import org.gpconnect.accessrecord.structured.repository.DiaryEntryRepository;
import org.gpconnect.accessrecord.structured.repository.DocumentRepository;
import org.gpconnect.accessrecord.structured.repository.ImmunisationRepository;
import org.gpconnect.accessrecord.structured.repository.InvestigationRepository;
import org.gpconnect.accessrecord.structured.repository.MedicationRepository;
import org.gpconnect.accessrecord.structured.repository.ObservationRepository;
import org.gpconnect.accessrecord.structured.repository.ProblemRepository.PatientProblems;
import org.gpconnect.accessrecord.structured.repository.ProblemRepository;
import org.gpconnect.accessrecord.structured.repository.ReferralRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.accessrecord.structured.request.DateRange;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Consultations (access-record-structured.md §2 {@code includeConsultations}, §6, §7.2, §7.5, §8 Encounter):
 * <ul>
 *   <li>which: all, or those whose {@code Encounter.period.start} is on or after the period's start and whose
 *       end (its start when no end is recorded) is on or before the period's end, or the N most recent by
 *       start; a confidential consultation is left out (the N are then the N most recent that may be shared)
 *       and "List of consultations" warns;</li>
 *   <li>per consultation: the Encounter (an entry of "List of consultations") and its structure, a
 *       consultation List, its topic Lists (a topic's problem as {@code relatedProblemHeader}) and their
 *       category Lists, with ids (§7.5); the entries are the items recorded in it, each a record of its own
 *       area (medication: the plan and, when the issue itself was recorded there, the order);</li>
 *   <li>the items with everything they need (medication: statement, plan and product; a report: everything
 *       under it; a referral: its supporting documents; problems linked to them come through the shared
 *       related-problems list), one "Consultations - … contained in consultations" list per kind (§7.2),
 *       carrying the warning of what was left out even when empty.</li>
 * </ul>
 * An item of a switched-off area is an entry with only the display "{area} items have been disabled" (in the
 * structure and in its secondary list) and the response warns (§5). An item that may not be shared is left
 * out of the structure (no warning there: §7.3 "not used on consultation-structure lists", its secondary
 * list warns); a heading or topic left with nothing is not sent (§7.5: empty sections are suppressed), and
 * a consultation with nothing left keeps its Encounter without structure. Read in a bounded number of
 * queries: the consultations (three), then one or two per kind of item they hold.
 */
@ApplicationScoped
public class ConsultationsSection implements AreaSection {

    static final String ALLERGIES = "Consultations - allergies contained in consultations";
    static final String ENDED_ALLERGIES = "Consultations - allergies that have been ended contained in consultations";
    static final String DIARY = "Consultations - diary entries contained in consultations";
    static final String DOCUMENTS = "Consultations - documents contained in consultations";
    static final String IMMUNISATIONS = "Consultations - immunisations contained in consultations";
    static final String INVESTIGATIONS = "Consultations - investigations contained in consultations";
    static final String MEDICATIONS = "Consultations - medications contained in consultations";
    static final String REFERRALS = "Consultations - outbound referrals in consultations";
    static final String PROBLEMS = "Consultations - problems contained in consultations";
    static final String UNCATEGORISED = "Consultations - uncategorised data contained in consultations";

    /** §7.2 order. */
    private static final List<String> SECONDARY_TITLES = List.of(ALLERGIES, ENDED_ALLERGIES, DIARY, DOCUMENTS, IMMUNISATIONS,
            INVESTIGATIONS, MEDICATIONS, REFERRALS, PROBLEMS, UNCATEGORISED);

    /** The relationship a topic's problem carries (the spec's topic example uses sibling). */
    static final String TOPIC_PROBLEM_RELATIONSHIP = "sibling";

    private final ConsultationRepository consultations;
    private final AllergyRepository allergies;
    private final MedicationRepository medications;
    private final ImmunisationRepository immunisations;
    private final ObservationRepository observations;
    private final ProblemRepository problems;
    private final InvestigationRepository investigations;
    private final ReferralRepository referrals;
    private final DiaryEntryRepository diary;
    private final DocumentRepository documents;
    private final Mappers mappers;
    private final ZoneId zone;

    /** The mappers and item helpers a consultation's content is built with (a singleton: no proxy in front of its fields). */
    @jakarta.inject.Singleton
    public static class Mappers {
        final EncounterMapper encounter;
        final AllergyIntoleranceMapper allergy;
        final MedicationMapper medication;
        final ImmunizationMapper immunization;
        final ObservationMapper observation;
        final ProblemHeaderMapper problem;
        final InvestigationItems investigation;
        final ReferralItems referral;
        final DiaryEntryMapper diary;
        final DocumentReferenceMapper document;
        final ClinicalResources resources;

        public Mappers(EncounterMapper encounter, AllergyIntoleranceMapper allergy, MedicationMapper medication,
                       ImmunizationMapper immunization, ObservationMapper observation, ProblemHeaderMapper problem,
                       InvestigationItems investigation, ReferralItems referral, DiaryEntryMapper diary,
                       DocumentReferenceMapper document, ClinicalResources resources) {
            this.encounter = encounter;
            this.allergy = allergy;
            this.medication = medication;
            this.immunization = immunization;
            this.observation = observation;
            this.problem = problem;
            this.investigation = investigation;
            this.referral = referral;
            this.diary = diary;
            this.document = document;
            this.resources = resources;
        }
    }

    public ConsultationsSection(ConsultationRepository consultations, AllergyRepository allergies, MedicationRepository medications,
                                ImmunisationRepository immunisations, ObservationRepository observations, ProblemRepository problems,
                                InvestigationRepository investigations, ReferralRepository referrals, DiaryEntryRepository diary,
                                DocumentRepository documents, Mappers mappers, AccessRecordConfig config) {
        this.consultations = consultations;
        this.allergies = allergies;
        this.medications = medications;
        this.immunisations = immunisations;
        this.observations = observations;
        this.problems = problems;
        this.investigations = investigations;
        this.referrals = referrals;
        this.diary = diary;
        this.documents = documents;
        this.mappers = mappers;
        this.zone = config.timeZone();
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.CONSULTATIONS;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.ENCOUNTER);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        AreaQuery.Consultations q = (AreaQuery.Consultations) query;
        return consultations.forPatient(context.patient().id()).chain(all -> {
            ListWarnings listWarnings = context.listWarnings();
            List<ConsultationRecord> selected = select(context, all, q, listWarnings, zone);
            return load(context, selected).map(loaded -> new Builder(context, loaded).build(selected, listWarnings));
        });
    }

    /** The admin resources a consultation's Encounter refers to; the consultation counts as returned. */
    static void refer(AreaContent content, ConsultationRecord c) {
        content.refersToPractitioner(c.recorderId()).refersToPractitioner(c.performerId())
                .refersToOrganization(c.serviceProviderOrganizationId()).returned(c.id());
    }

    // ------------------------------------------------------------------------------------------ selection

    /**
     * The consultations the query asks for, most recent first (§6): in the period, or the N most recent
     * that may be shared; those that may not be shared are left out and {@code warnings} says so.
     *
     * @param all the patient's consultations, most recent first
     */
    static List<ConsultationRecord> select(RecordContext context, List<ConsultationRecord> all, AreaQuery.Consultations q,
                                           ListWarnings warnings, ZoneId zone) {
        List<ConsultationRecord> selected = new ArrayList<>();
        for (ConsultationRecord c : all) {
            if (q.period().isPresent() && !inPeriod(c, q.period().get(), zone)) {
                continue;
            }
            if (q.mostRecent().isPresent() && selected.size() >= q.mostRecent().getAsInt()) {
                break;
            }
            if (context.shareable(c.sharing(), c.typeCode(), warnings)) {
                selected.add(c);
            }
        }
        return selected;
    }

    /**
     * {@code consultationSearchPeriod} (§6): the consultation started on or after the period's start and
     * ended (started, when no end is recorded) on or before its end, both as days in the practice's zone.
     */
    static boolean inPeriod(ConsultationRecord c, DateRange range, ZoneId zone) {
        LocalDate start = c.start().atZoneSameInstant(zone).toLocalDate();
        LocalDate end = (c.end() != null ? c.end() : c.start()).atZoneSameInstant(zone).toLocalDate();
        return (range.start() == null || !start.isBefore(range.start())) && (range.end() == null || !end.isAfter(range.end()));
    }

    // ------------------------------------------------------------------------------------------ loading

    /** The records the selected consultations hold, one or two queries per kind held (areas switched off: none). */
    private Uni<Loaded> load(RecordContext context, List<ConsultationRecord> selected) {
        Set<ItemType> kinds = EnumSet.noneOf(ItemType.class);
        for (ConsultationRecord c : selected) {
            for (Topic t : c.topics()) {
                if (t.problemId() != null) {
                    kinds.add(ItemType.PROBLEM);
                }
                t.items().forEach(i -> kinds.add(i.type()));
                t.categories().forEach(cat -> cat.items().forEach(i -> kinds.add(i.type())));
            }
        }
        kinds.removeIf(kind -> !context.enabled(areaOf(kind)));
        String patientId = context.patient().id();
        Loaded loaded = new Loaded();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (kinds.contains(ItemType.ALLERGY)) {
            chain = chain.chain(() -> allergies.forPatient(patientId).invoke(all -> loaded.allergies = byId(all, AllergyRecord::id)).replaceWithVoid());
        }
        if (kinds.contains(ItemType.MEDICATION) || kinds.contains(ItemType.MEDICATION_ISSUE)) {
            chain = chain.chain(() -> medications.forPatient(patientId).invoke(all -> {
                loaded.authorisations = byId(all, MedicationAuthorisation::id);
                all.forEach(m -> m.issues().forEach(issue -> loaded.authorisationOfIssue.put(issue.id(), m)));
            }).replaceWithVoid());
        }
        if (kinds.contains(ItemType.IMMUNISATION)) {
            chain = chain.chain(() -> immunisations.forPatient(patientId)
                    .invoke(all -> loaded.immunisations = byId(all, ImmunisationRecord::id)).replaceWithVoid());
        }
        if (kinds.contains(ItemType.OBSERVATION)) {
            chain = chain.chain(() -> observations.forPatient(patientId, List.of(ObservationRecord.Kind.values()))
                    .invoke(all -> loaded.observations = byId(all, ObservationRecord::id)).replaceWithVoid());
        }
        if (kinds.contains(ItemType.PROBLEM)) {
            chain = chain.chain(() -> problems.forPatient(patientId).invoke(all -> {
                loaded.patientProblems = all;
                loaded.problems = byId(all.problems(), ProblemRecord::id);
            }).replaceWithVoid());
        }
        if (kinds.contains(ItemType.INVESTIGATION)) {
            chain = chain.chain(() -> investigations.forPatient(patientId)
                    .invoke(all -> loaded.investigations = byId(all, InvestigationRecord::id)).replaceWithVoid());
        }
        if (kinds.contains(ItemType.REFERRAL)) {
            chain = chain.chain(() -> referrals.forPatient(patientId).invoke(all -> loaded.referrals = byId(all, ReferralRecord::id)).replaceWithVoid());
        }
        if (kinds.contains(ItemType.DIARY)) {
            chain = chain.chain(() -> diary.forPatient(patientId).invoke(all -> loaded.diary = byId(all, DiaryEntryRecord::id)).replaceWithVoid());
        }
        // documents: as items, and as the supporting documents of referrals (whose display says when they are off)
        if (kinds.contains(ItemType.DOCUMENT) || kinds.contains(ItemType.REFERRAL)) {
            chain = chain.chain(() -> documents.forPatient(patientId).invoke(all -> {
                loaded.documentList = all;
                loaded.documents = byId(all, DocumentRecord::id);
            }).replaceWithVoid());
        }
        return chain.replaceWith(loaded);
    }

    private static <T> Map<UUID, T> byId(List<T> all, Function<T, UUID> id) {
        return all.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a, HashMap::new));
    }

    /** The switchable area an item belongs to. */
    static ClinicalArea areaOf(ItemType type) {
        return switch (type) {
            case ALLERGY -> ClinicalArea.ALLERGIES;
            case MEDICATION, MEDICATION_ISSUE -> ClinicalArea.MEDICATION;
            case IMMUNISATION -> ClinicalArea.IMMUNISATIONS;
            case OBSERVATION -> ClinicalArea.UNCATEGORISED_DATA;
            case PROBLEM -> ClinicalArea.PROBLEMS;
            case INVESTIGATION -> ClinicalArea.INVESTIGATIONS;
            case REFERRAL -> ClinicalArea.REFERRALS;
            case DIARY -> ClinicalArea.DIARY_ENTRIES;
            case DOCUMENT -> ClinicalArea.DOCUMENTS;
        };
    }

    /** The secondary list an item goes in (a resolved allergy: the "ended" one, decided once it is loaded). */
    private static String secondaryOf(ItemType type) {
        return switch (type) {
            case ALLERGY -> ALLERGIES;
            case MEDICATION, MEDICATION_ISSUE -> MEDICATIONS;
            case IMMUNISATION -> IMMUNISATIONS;
            case OBSERVATION -> UNCATEGORISED;
            case PROBLEM -> PROBLEMS;
            case INVESTIGATION -> INVESTIGATIONS;
            case REFERRAL -> REFERRALS;
            case DIARY -> DIARY;
            case DOCUMENT -> DOCUMENTS;
        };
    }

    /** The records of the patient that the selected consultations may hold, by id (empty maps: not loaded). */
    private static final class Loaded {
        Map<UUID, AllergyRecord> allergies = Map.of();
        Map<UUID, MedicationAuthorisation> authorisations = Map.of();
        final Map<UUID, MedicationAuthorisation> authorisationOfIssue = new HashMap<>();
        Map<UUID, ImmunisationRecord> immunisations = Map.of();
        Map<UUID, ObservationRecord> observations = Map.of();
        PatientProblems patientProblems = new PatientProblems(List.of(), List.of());
        Map<UUID, ProblemRecord> problems = Map.of();
        Map<UUID, InvestigationRecord> investigations = Map.of();
        Map<UUID, ReferralRecord> referrals = Map.of();
        Map<UUID, DiaryEntryRecord> diary = Map.of();
        List<DocumentRecord> documentList = List.of();
        Map<UUID, DocumentRecord> documents = Map.of();
    }

    // ------------------------------------------------------------------------------------------ building

    /** A secondary list being filled: its entries (each item once) and the warnings of what was left out. */
    private static final class Secondary {
        final List<Reference> entries = new ArrayList<>();
        final Set<String> keys = new java.util.HashSet<>();
        final ListWarnings warnings;

        Secondary(ListWarnings warnings) {
            this.warnings = warnings;
        }

        void add(String key, Reference entry) {
            if (keys.add(key)) {
                entries.add(entry);
            }
        }
    }

    /** Builds one response's consultations from the loaded records. */
    private final class Builder {
        private final RecordContext context;
        private final Loaded loaded;
        private final Reference patient;
        private final AreaContent content = new AreaContent();
        private final Map<String, Secondary> secondaries = new LinkedHashMap<>();
        /** The clinical resources the items bring, each once, in the order first met. */
        private final Map<String, Resource> items = new LinkedHashMap<>();

        Builder(RecordContext context, Loaded loaded) {
            this.context = context;
            this.loaded = loaded;
            this.patient = context.patientReference();
            SECONDARY_TITLES.forEach(title -> secondaries.put(title, new Secondary(context.listWarnings())));
        }

        AreaContent build(List<ConsultationRecord> selected, ListWarnings listWarnings) {
            List<Reference> primaryEntries = new ArrayList<>();
            List<Resource> structure = new ArrayList<>();
            for (ConsultationRecord c : selected) {
                primaryEntries.add(new Reference("Encounter/" + c.id()));
                structure.add(mappers.encounter.toFhir(c, patient));
                refer(content, c);
                structure.addAll(structure(c));
            }
            content.add(ListFactory.primary(PrimaryList.CONSULTATIONS, patient, primaryEntries, listWarnings, context.created()));
            structure.forEach(content::add);
            secondaries.forEach((title, list) -> {
                // §7.2: only with content, or with a warning about what was left out
                if (!list.entries.isEmpty() || list.warnings.itemsExcluded()) {
                    content.add(ListFactory.secondary(title, patient, list.entries, list.warnings, context.created()));
                }
            });
            items.values().forEach(content::add);
            return content;
        }

        /** The consultation List, then each topic List followed by its category Lists; none when nothing is left. */
        private List<ListResource> structure(ConsultationRecord c) {
            Reference encounter = new Reference("Encounter/" + c.id());
            Date modified = Date.from(c.lastModified().toInstant());
            List<ListResource> lists = new ArrayList<>();
            List<Reference> topicEntries = new ArrayList<>();
            for (Topic t : c.topics()) {
                List<ListResource> categoryLists = new ArrayList<>();
                List<Reference> entries = new ArrayList<>();
                if (!t.categories().isEmpty()) {
                    for (Category category : t.categories()) {
                        List<Reference> categoryEntries = entries(category.items());
                        if (!categoryEntries.isEmpty()) {
                            categoryLists.add(ListFactory.structure(StructureLevel.CATEGORY, category.id().toString(), category.title(),
                                    patient, encounter, modified, categoryEntries));
                            entries.add(new Reference("List/" + category.id()));
                        }
                    }
                } else {
                    entries = entries(t.items());
                }
                if (entries.isEmpty()) {
                    continue; // §7.5: an empty topic is not sent
                }
                ListResource topic = ListFactory.structure(StructureLevel.TOPIC, t.id().toString(), t.title(), patient, encounter,
                        modified, entries);
                if (t.problemId() != null) {
                    topicProblem(t.problemId()).ifPresent(target -> {
                        Extension related = new Extension(CareConnectProfiles.EXT_RELATED_PROBLEM_HEADER);
                        related.addExtension("type", new CodeType(TOPIC_PROBLEM_RELATIONSHIP));
                        related.addExtension("target", target);
                        topic.addExtension(related);
                    });
                }
                lists.add(topic);
                lists.addAll(categoryLists);
                topicEntries.add(new Reference("List/" + t.id()));
            }
            if (topicEntries.isEmpty()) {
                return List.of();
            }
            List<ListResource> all = new ArrayList<>();
            all.add(ListFactory.structure(StructureLevel.CONSULTATION, consultationListId(c), c.typeText(), patient, encounter,
                    modified, topicEntries));
            all.addAll(lists);
            return all;
        }

        /** The topic's problem: a reference (the problem then also comes), a display when problems are off, or none. */
        private Optional<Reference> topicProblem(UUID problemId) {
            Secondary list = secondaries.get(PROBLEMS);
            if (!context.enabled(ClinicalArea.PROBLEMS)) {
                content.linksToDisabled(ClinicalArea.PROBLEMS);
                list.add("disabled:" + problemId, disabled(ClinicalArea.PROBLEMS));
                return Optional.of(disabled(ClinicalArea.PROBLEMS));
            }
            ProblemRecord p = loaded.problems.get(problemId);
            if (p == null || !context.shareable(p.sharing(), p.code(), list.warnings)) {
                return Optional.empty(); // "relatedProblemHeader targets may be missing when filtered" (§6)
            }
            problem(p, list);
            return Optional.of(new Reference("Condition/" + p.id()));
        }

        private List<Reference> entries(List<Item> recorded) {
            List<Reference> entries = new ArrayList<>();
            for (Item item : recorded) {
                entry(item).ifPresent(entries::add);
            }
            return entries;
        }

        /** The structure's entry for one item (and its resources and secondary entry), or none when withheld. */
        private Optional<Reference> entry(Item item) {
            ClinicalArea area = areaOf(item.type());
            if (!context.enabled(area)) {
                content.linksToDisabled(area);
                secondaries.get(secondaryOf(item.type())).add("disabled:" + item.id(), disabled(area));
                return Optional.of(disabled(area));
            }
            return switch (item.type()) {
                case ALLERGY -> allergy(item.id());
                case MEDICATION -> medication(loaded.authorisations.get(item.id()), null);
                case MEDICATION_ISSUE -> {
                    MedicationAuthorisation m = loaded.authorisationOfIssue.get(item.id());
                    yield m == null ? Optional.empty() : medication(m,
                            m.issues().stream().filter(i -> i.id().equals(item.id())).findFirst().orElseThrow());
                }
                case IMMUNISATION -> immunisation(loaded.immunisations.get(item.id()));
                case OBSERVATION -> observation(loaded.observations.get(item.id()));
                case PROBLEM -> {
                    ProblemRecord p = loaded.problems.get(item.id());
                    Secondary list = secondaries.get(PROBLEMS);
                    if (p == null || !context.shareable(p.sharing(), p.code(), list.warnings)) {
                        yield Optional.empty();
                    }
                    problem(p, list);
                    yield Optional.of(new Reference("Condition/" + p.id()));
                }
                case INVESTIGATION -> investigation(loaded.investigations.get(item.id()));
                case REFERRAL -> referral(loaded.referrals.get(item.id()));
                case DIARY -> diaryEntry(loaded.diary.get(item.id()));
                case DOCUMENT -> document(loaded.documents.get(item.id()));
            };
        }

        private Optional<Reference> allergy(UUID id) {
            AllergyRecord a = loaded.allergies.get(id);
            if (a == null) {
                return Optional.empty();
            }
            Secondary list = secondaries.get(a.active() ? ALLERGIES : ENDED_ALLERGIES);
            if (!context.shareable(a.sharing(), a.code(), list.warnings)) {
                return Optional.empty();
            }
            AllergyIntolerance allergy = mappers.allergy.toFhir(a, patient);
            content.refersToPractitioner(a.recorderId()).refersToPractitioner(a.asserterId()).returned(a.id());
            if (a.active()) {
                items.putIfAbsent("AllergyIntolerance/" + a.id(), allergy);
                list.add(a.id().toString(), new Reference("AllergyIntolerance/" + a.id()));
                return Optional.of(new Reference("AllergyIntolerance/" + a.id()));
            }
            // never a Bundle entry (§6): by identifier here, contained in the response's "Ended allergies"
            content.endedAllergy(allergy);
            list.add(a.id().toString(), endedAllergyReference(a));
            return Optional.of(endedAllergyReference(a));
        }

        private Reference endedAllergyReference(AllergyRecord a) {
            return new Reference().setIdentifier(mappers.resources.identifier(a.id())).setDisplay(a.display());
        }

        /** An authorisation (the plan is the entry) or one of its issues (the order is the entry). */
        private Optional<Reference> medication(MedicationAuthorisation m, MedicationIssue issue) {
            Secondary list = secondaries.get(MEDICATIONS);
            if (m == null || !context.shareable(m.sharing(), m.medication().code(), list.warnings)) {
                return Optional.empty();
            }
            items.putIfAbsent("Medication/" + m.medication().id(), mappers.medication.medication(m.medication()));
            items.putIfAbsent("MedicationStatement/" + m.statementId(), mappers.medication.statement(m, patient));
            items.putIfAbsent("MedicationRequest/" + m.id(), mappers.medication.plan(m, patient));
            content.refersToPractitioner(m.recorderId()).returned(m.id());
            list.add(m.statementId().toString(), new Reference("MedicationStatement/" + m.statementId()));
            if (issue == null) {
                return Optional.of(new Reference("MedicationRequest/" + m.id()));
            }
            // §6: an issue (order) only when the consultation recorded that issue
            items.putIfAbsent("MedicationRequest/" + issue.id(), mappers.medication.order(m, issue, patient));
            content.refersToPractitioner(issue.recorderId());
            return Optional.of(new Reference("MedicationRequest/" + issue.id()));
        }

        private Optional<Reference> immunisation(ImmunisationRecord i) {
            Secondary list = secondaries.get(IMMUNISATIONS);
            if (i == null || !context.shareable(i.sharing(), i.procedureCode(), list.warnings)) {
                return Optional.empty();
            }
            items.putIfAbsent("Immunization/" + i.id(), mappers.immunization.toFhir(i, patient));
            content.refersToPractitioner(i.practitionerId()).returned(i.id());
            return listed(list, "Immunization/" + i.id());
        }

        private Optional<Reference> observation(ObservationRecord o) {
            Secondary list = secondaries.get(UNCATEGORISED);
            if (o == null || !context.shareable(o.sharing(), o.code(), list.warnings)) {
                return Optional.empty();
            }
            items.putIfAbsent("Observation/" + o.id(), mappers.observation.toFhir(o, patient));
            content.refersToPractitioner(o.performerId()).returned(o.id());
            return listed(list, "Observation/" + o.id());
        }

        private void problem(ProblemRecord p, Secondary list) {
            items.putIfAbsent("Condition/" + p.id(), mappers.problem.toFhir(p, loaded.patientProblems.links().stream()
                    .filter(l -> l.problemId().equals(p.id())).toList(), patient));
            content.refersToPractitioner(p.asserterId()).returned(p.id());
            list.add(p.id().toString(), new Reference("Condition/" + p.id()));
        }

        private Optional<Reference> investigation(InvestigationRecord r) {
            Secondary list = secondaries.get(INVESTIGATIONS);
            if (r == null) {
                return Optional.empty();
            }
            Optional<List<Resource>> report = mappers.investigation.add(context, r, list.warnings, content);
            if (report.isEmpty()) {
                return Optional.empty();
            }
            report.get().forEach(resource -> items.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource));
            return listed(list, "DiagnosticReport/" + r.id());
        }

        private Optional<Reference> referral(ReferralRecord r) {
            Secondary list = secondaries.get(REFERRALS);
            if (r == null) {
                return Optional.empty();
            }
            Optional<List<Resource>> referral = mappers.referral.add(context, r, loaded.documentList, list.warnings, content);
            if (referral.isEmpty()) {
                return Optional.empty();
            }
            referral.get().forEach(resource -> items.putIfAbsent(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource));
            return listed(list, "ReferralRequest/" + r.id());
        }

        private Optional<Reference> diaryEntry(DiaryEntryRecord d) {
            Secondary list = secondaries.get(DIARY);
            // §8: only incomplete diary entries are ever sent (a completed one is not withheld, it is not a diary entry)
            if (d == null || d.completed() || !context.shareable(d.sharing(), d.code(), list.warnings)) {
                return Optional.empty();
            }
            items.putIfAbsent("ProcedureRequest/" + d.id(), mappers.diary.toFhir(d, patient));
            content.refersToPractitioner(d.requesterId()).returned(d.id());
            return listed(list, "ProcedureRequest/" + d.id());
        }

        private Optional<Reference> document(DocumentRecord d) {
            Secondary list = secondaries.get(DOCUMENTS);
            if (d == null || !context.shareable(d.sharing(), d.typeCode(), list.warnings)) {
                return Optional.empty();
            }
            items.putIfAbsent("DocumentReference/" + d.id(), mappers.document.toFhir(d, patient, true));
            DocumentItems.refer(context, content, d);
            return listed(list, "DocumentReference/" + d.id());
        }

        /** The item's entry in its secondary list, and the structure's entry. */
        private Optional<Reference> listed(Secondary list, String target) {
            list.add(target, new Reference(target));
            return Optional.of(new Reference(target));
        }
    }

    /** An entry of an item whose area is switched off (§5). */
    private static Reference disabled(ClinicalArea area) {
        return new Reference().setDisplay(area.disabledItemsDisplay());
    }

    /** The consultation List's id: derived from the Encounter's, stable across responses. */
    static String consultationListId(ConsultationRecord c) {
        return UUID.nameUUIDFromBytes(("consultation-list:" + c.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
