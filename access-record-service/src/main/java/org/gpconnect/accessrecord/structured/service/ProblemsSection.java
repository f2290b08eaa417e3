package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.allergy.AllergyRecord;
import org.gpconnect.accessrecord.record.consultation.ConsultationRecord;
import org.gpconnect.accessrecord.record.diary.DiaryEntryRecord;
import org.gpconnect.accessrecord.record.document.DocumentRecord;
import org.gpconnect.accessrecord.record.immunisation.ImmunisationRecord;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord;
import org.gpconnect.accessrecord.record.medication.MedicationAuthorisation;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.accessrecord.record.problem.ProblemLink;
import org.gpconnect.accessrecord.record.problem.ProblemRecord;
import org.gpconnect.accessrecord.record.referral.ReferralRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
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
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Problems (access-record-structured.md §6, §7.2, §8): the ProblemHeaders matching {@code filterStatus}
 * in the "Problems" list, and for those problems what they are linked to, each kind in its secondary list
 * ("Problems - … related to problems") with its resources: active allergies, medication (statement, plan,
 * product), immunisations, uncategorised data, investigations (report with everything under it), outbound
 * referrals (with their supporting documents), (incomplete) diary entries, consultations (their Encounters)
 * and documents (DocumentReference, metadata only). A linked item of a switched-off area is an entry with
 * only the display "{area} items have been disabled" and a warning; a resolved allergy, never a Bundle
 * entry, is referred to by its identifier and sent contained in the response's one "Ended allergies" list.
 * Linked problems are the service's shared related-problems list, not this section's.
 */
@ApplicationScoped
public class ProblemsSection implements AreaSection {

    static final String ALLERGIES = "Problems - allergies related to problems";
    static final String ENDED_ALLERGIES = "Problems - allergies that have been ended related to problems";
    static final String MEDICATIONS = "Problems - medications related to problems";
    static final String IMMUNISATIONS = "Problems - immunisations related to problems";
    static final String UNCATEGORISED = "Problems - uncategorised data related to problems";
    static final String INVESTIGATIONS = "Problems - investigations related to problems";
    static final String REFERRALS = "Problems - outbound referrals related to problems";
    static final String DIARY = "Problems - diary entries related to problems";
    static final String CONSULTATIONS = "Problems - consultations related to problems";
    static final String DOCUMENTS = "Problems - documents related to problems";

    private final ProblemRepository problems;
    private final AllergyRepository allergies;
    private final MedicationRepository medications;
    private final ImmunisationRepository immunisations;
    private final ObservationRepository observations;
    private final InvestigationRepository investigations;
    private final InvestigationItems investigationItems;
    private final ReferralRepository referrals;
    private final DiaryEntryRepository diary;
    private final ConsultationRepository consultations;
    private final DocumentRepository documents;
    private final ReferralItems referralItems;
    private final EncounterMapper encounterMapper;
    private final DocumentReferenceMapper documentMapper;
    private final DiaryEntryMapper diaryMapper;
    private final ProblemHeaderMapper problemMapper;
    private final AllergyIntoleranceMapper allergyMapper;
    private final MedicationMapper medicationMapper;
    private final ImmunizationMapper immunizationMapper;
    private final ObservationMapper observationMapper;
    private final ClinicalResources resources;

    public ProblemsSection(ProblemRepository problems, AllergyRepository allergies, MedicationRepository medications,
                           ImmunisationRepository immunisations, ObservationRepository observations,
                           InvestigationRepository investigations, InvestigationItems investigationItems,
                           ReferralRepository referrals, DiaryEntryRepository diary, ConsultationRepository consultations,
                           DocumentRepository documents, ReferralItems referralItems, EncounterMapper encounterMapper,
                           DocumentReferenceMapper documentMapper, DiaryEntryMapper diaryMapper, ProblemHeaderMapper problemMapper, AllergyIntoleranceMapper allergyMapper,
                           MedicationMapper medicationMapper, ImmunizationMapper immunizationMapper,
                           ObservationMapper observationMapper, ClinicalResources resources) {
        this.problems = problems;
        this.allergies = allergies;
        this.medications = medications;
        this.immunisations = immunisations;
        this.observations = observations;
        this.investigations = investigations;
        this.investigationItems = investigationItems;
        this.referrals = referrals;
        this.diary = diary;
        this.consultations = consultations;
        this.documents = documents;
        this.referralItems = referralItems;
        this.encounterMapper = encounterMapper;
        this.documentMapper = documentMapper;
        this.diaryMapper = diaryMapper;
        this.problemMapper = problemMapper;
        this.allergyMapper = allergyMapper;
        this.medicationMapper = medicationMapper;
        this.immunizationMapper = immunizationMapper;
        this.observationMapper = observationMapper;
        this.resources = resources;
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.PROBLEMS;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.PROBLEM_HEADER);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        Optional<String> status = ((AreaQuery.Problems) query).filterStatus();
        String patientId = context.patient().id();
        return problems.forPatient(patientId).chain(all -> {
            AreaContent content = new AreaContent();
            ListWarnings warnings = context.listWarnings();
            List<ProblemRecord> selected = new ArrayList<>();
            for (ProblemRecord p : all.problems()) {
                if (status.isPresent() && p.active() != "active".equals(status.get())) {
                    continue;
                }
                if (context.shareable(p.sharing(), p.code(), warnings)) {
                    selected.add(p);
                }
            }
            Set<UUID> selectedIds = selected.stream().map(ProblemRecord::id).collect(Collectors.toSet());
            List<ProblemLink> links = all.links().stream().filter(l -> selectedIds.contains(l.problemId())).toList();
            content.add(ListFactory.primary(PrimaryList.PROBLEMS, context.patientReference(),
                    selected.stream().map(p -> new Reference("Condition/" + p.id())).toList(), warnings, context.created()));
            for (ProblemRecord p : selected) {
                content.add(problemMapper.toFhir(p, linksOf(all, p.id()), context.patientReference()));
                content.refersToPractitioner(p.asserterId()).returned(p.id());
            }
            return linkedItems(context, content, links).replaceWith(content);
        });
    }

    private static List<ProblemLink> linksOf(PatientProblems all, UUID problemId) {
        return all.links().stream().filter(l -> l.problemId().equals(problemId)).toList();
    }

    /** The secondary lists of the items the selected problems are linked to (one query per kind linked). */
    private Uni<Void> linkedItems(RecordContext context, AreaContent content, List<ProblemLink> links) {
        Map<String, Set<UUID>> byType = new LinkedHashMap<>();
        links.stream().filter(l -> !l.toProblem())
                .forEach(l -> byType.computeIfAbsent(l.itemType(), k -> new LinkedHashSet<>()).add(l.itemId()));
        String patientId = context.patient().id();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (byType.containsKey("allergy")) {
            Set<UUID> ids = byType.get("allergy");
            chain = chain.chain(() -> load(context, ClinicalArea.ALLERGIES, ids, () -> allergies.forPatient(patientId),
                    AllergyRecord::id, found -> allergies(context, content, found), content, ALLERGIES));
        }
        if (byType.containsKey("medication")) {
            Set<UUID> ids = byType.get("medication");
            chain = chain.chain(() -> load(context, ClinicalArea.MEDICATION, ids, () -> medications.forPatient(patientId),
                    MedicationAuthorisation::id, found -> medications(context, content, found), content, MEDICATIONS));
        }
        if (byType.containsKey("immunisation")) {
            Set<UUID> ids = byType.get("immunisation");
            chain = chain.chain(() -> load(context, ClinicalArea.IMMUNISATIONS, ids, () -> immunisations.forPatient(patientId),
                    ImmunisationRecord::id, found -> immunisations(context, content, found), content, IMMUNISATIONS));
        }
        if (byType.containsKey("observation")) {
            Set<UUID> ids = byType.get("observation");
            chain = chain.chain(() -> load(context, ClinicalArea.UNCATEGORISED_DATA, ids,
                    () -> observations.forPatient(patientId, List.of(ObservationRecord.Kind.UNCATEGORISED, ObservationRecord.Kind.BLOOD_PRESSURE)),
                    ObservationRecord::id, found -> observations(context, content, found), content, UNCATEGORISED));
        }
        if (byType.containsKey("investigation")) {
            Set<UUID> ids = byType.get("investigation");
            chain = chain.chain(() -> load(context, ClinicalArea.INVESTIGATIONS, ids, () -> investigations.forPatient(patientId),
                    InvestigationRecord::id, found -> investigations(context, content, found), content, INVESTIGATIONS));
        }
        if (byType.containsKey("referral")) {
            Set<UUID> ids = byType.get("referral");
            chain = chain.chain(() -> load(context, ClinicalArea.REFERRALS, ids,
                    () -> referrals.forPatient(patientId).chain(all -> documents.forPatient(patientId)
                            .map(docs -> all.stream().map(r -> new ReferralWithDocuments(r, docs)).toList())),
                    ReferralWithDocuments::id, found -> referrals(context, content, found), content, REFERRALS));
        }
        if (byType.containsKey("consultation")) {
            Set<UUID> ids = byType.get("consultation");
            chain = chain.chain(() -> load(context, ClinicalArea.CONSULTATIONS, ids, () -> consultations.encountersForPatient(patientId),
                    ConsultationRecord::id, found -> consultations(context, content, found), content, CONSULTATIONS));
        }
        if (byType.containsKey("document")) {
            Set<UUID> ids = byType.get("document");
            chain = chain.chain(() -> load(context, ClinicalArea.DOCUMENTS, ids, () -> documents.forPatient(patientId),
                    DocumentRecord::id, found -> documents(context, content, found), content, DOCUMENTS));
        }
        if (byType.containsKey("diary")) {
            Set<UUID> ids = byType.get("diary");
            chain = chain.chain(() -> load(context, ClinicalArea.DIARY_ENTRIES, ids, () -> diary.forPatient(patientId),
                    DiaryEntryRecord::id, found -> diary(context, content, found), content, DIARY));
        }
        return chain;
    }

    /** A referral with the patient's documents (its supporting ones are picked out by {@link ReferralItems}). */
    private record ReferralWithDocuments(ReferralRecord referral, List<DocumentRecord> documents) {
        UUID id() {
            return referral.id();
        }
    }

    private void referrals(RecordContext context, AreaContent content, List<ReferralWithDocuments> linked) {
        ListWarnings warnings = context.listWarnings();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (ReferralWithDocuments r : linked) {
            referralItems.add(context, r.referral(), r.documents(), warnings, content).ifPresent(referral -> {
                entries.add(new Reference("ReferralRequest/" + r.id()));
                items.addAll(referral);
            });
        }
        secondary(context, content, REFERRALS, entries, warnings);
        items.forEach(content::add);
    }

    /** The consultations linked to the problems: their Encounters (§6 "for each problem: … Encounters"). */
    private void consultations(RecordContext context, AreaContent content, List<ConsultationRecord> linked) {
        ListWarnings warnings = context.listWarnings();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (ConsultationRecord c : linked) {
            if (!context.shareable(c.sharing(), c.typeCode(), warnings)) {
                continue;
            }
            entries.add(new Reference("Encounter/" + c.id()));
            items.add(encounterMapper.toFhir(c, context.patientReference()));
            ConsultationsSection.refer(content, c);
        }
        secondary(context, content, CONSULTATIONS, entries, warnings);
        items.forEach(content::add);
    }

    /** The documents linked to the problems (metadata only, §8). */
    private void documents(RecordContext context, AreaContent content, List<DocumentRecord> linked) {
        ListWarnings warnings = context.listWarnings();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (DocumentRecord d : linked) {
            if (!context.shareable(d.sharing(), d.typeCode(), warnings)) {
                continue;
            }
            entries.add(new Reference("DocumentReference/" + d.id()));
            items.add(documentMapper.toFhir(d, context.patientReference(), true));
            DocumentItems.refer(context, content, d);
        }
        secondary(context, content, DOCUMENTS, entries, warnings);
        items.forEach(content::add);
    }

    private void diary(RecordContext context, AreaContent content, List<DiaryEntryRecord> linked) {
        ListWarnings warnings = context.listWarnings();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (DiaryEntryRecord d : linked) {
            if (d.completed() || !context.shareable(d.sharing(), d.code(), warnings)) {
                continue;
            }
            entries.add(new Reference("ProcedureRequest/" + d.id()));
            items.add(diaryMapper.toFhir(d, context.patientReference()));
            content.refersToPractitioner(d.requesterId()).returned(d.id());
        }
        secondary(context, content, DIARY, entries, warnings);
        items.forEach(content::add);
    }

    private void investigations(RecordContext context, AreaContent content, List<InvestigationRecord> linked) {
        ListWarnings warnings = context.listWarnings();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (InvestigationRecord r : linked) {
            investigationItems.add(context, r, warnings, content).ifPresent(report -> {
                entries.add(new Reference("DiagnosticReport/" + r.id()));
                items.addAll(report);
            });
        }
        secondary(context, content, INVESTIGATIONS, entries, warnings);
        items.forEach(content::add);
    }

    /**
     * Loads the linked items of one kind and hands them on; when their area is switched off, writes the
     * secondary list with a "disabled" entry per item instead, and reports the area for the warning (§5).
     */
    private <T> Uni<Void> load(RecordContext context, ClinicalArea area, Set<UUID> ids,
                               Supplier<Uni<List<T>>> loader, Function<T, UUID> id,
                               Consumer<List<T>> use, AreaContent content, String title) {
        if (!context.enabled(area)) {
            List<Reference> entries = ids.stream().map(i -> new Reference().setDisplay(area.disabledItemsDisplay())).toList();
            content.add(ListFactory.secondary(title, context.patientReference(), entries, context.listWarnings(), context.created()));
            content.linksToDisabled(area);
            return Uni.createFrom().voidItem();
        }
        return loader.get().invoke(all -> use.accept(all.stream().filter(t -> ids.contains(id.apply(t))).toList())).replaceWithVoid();
    }

    private void allergies(RecordContext context, AreaContent content, List<AllergyRecord> linked) {
        ListWarnings activeWarnings = context.listWarnings();
        ListWarnings endedWarnings = context.listWarnings();
        List<Reference> active = new ArrayList<>();
        List<Reference> ended = new ArrayList<>();
        List<Resource> activeResources = new ArrayList<>();
        List<AllergyIntolerance> endedResources = new ArrayList<>();
        for (AllergyRecord a : linked) {
            if (!context.shareable(a.sharing(), a.code(), a.active() ? activeWarnings : endedWarnings)) {
                continue;
            }
            AllergyIntolerance allergy = allergyMapper.toFhir(a, context.patientReference());
            if (a.active()) {
                active.add(new Reference("AllergyIntolerance/" + a.id()));
                activeResources.add(allergy);
            } else {
                // never a Bundle entry (§6): referred to by identifier, sent contained in "Ended allergies"
                ended.add(new Reference().setIdentifier(resources.identifier(a.id())).setDisplay(a.display()));
                endedResources.add(allergy);
            }
            content.refersToPractitioner(a.recorderId()).refersToPractitioner(a.asserterId()).returned(a.id());
        }
        secondary(context, content, ALLERGIES, active, activeWarnings);
        activeResources.forEach(content::add);
        secondary(context, content, ENDED_ALLERGIES, ended, endedWarnings);
        // never Bundle entries (§6): contained in the response's one "Ended allergies" list
        endedResources.forEach(content::endedAllergy);
    }

    private void medications(RecordContext context, AreaContent content, List<MedicationAuthorisation> linked) {
        ListWarnings warnings = context.listWarnings();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (MedicationAuthorisation m : linked) {
            if (!context.shareable(m.sharing(), m.medication().code(), warnings)) {
                continue;
            }
            entries.add(new Reference("MedicationStatement/" + m.statementId()));
            items.add(medicationMapper.medication(m.medication()));
            items.add(medicationMapper.statement(m, context.patientReference()));
            items.add(medicationMapper.plan(m, context.patientReference()));
            content.refersToPractitioner(m.recorderId()).returned(m.id());
        }
        secondary(context, content, MEDICATIONS, entries, warnings);
        items.forEach(content::add);
    }

    private void immunisations(RecordContext context, AreaContent content, List<ImmunisationRecord> linked) {
        ListWarnings warnings = context.listWarnings();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (ImmunisationRecord i : linked) {
            if (!context.shareable(i.sharing(), i.procedureCode(), warnings)) {
                continue;
            }
            entries.add(new Reference("Immunization/" + i.id()));
            items.add(immunizationMapper.toFhir(i, context.patientReference()));
            content.refersToPractitioner(i.practitionerId()).returned(i.id());
        }
        secondary(context, content, IMMUNISATIONS, entries, warnings);
        items.forEach(content::add);
    }

    private void observations(RecordContext context, AreaContent content, List<ObservationRecord> linked) {
        ListWarnings warnings = context.listWarnings();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (ObservationRecord o : linked) {
            if (!context.shareable(o.sharing(), o.code(), warnings)) {
                continue;
            }
            entries.add(new Reference("Observation/" + o.id()));
            items.add(observationMapper.toFhir(o, context.patientReference()));
            content.refersToPractitioner(o.performerId()).returned(o.id());
        }
        secondary(context, content, UNCATEGORISED, entries, warnings);
        items.forEach(content::add);
    }

    /** §7.2: a secondary list only with content, or with a warning about what was left out. */
    private static void secondary(RecordContext context, AreaContent content, String title, List<Reference> entries,
                                  ListWarnings warnings) {
        if (!entries.isEmpty() || warnings.itemsExcluded()) {
            content.add(ListFactory.secondary(title, context.patientReference(), entries, warnings, context.created()));
        }
    }
}
