package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.PracticeSettings;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.mapping.LinkedReferences;
import org.gpconnect.accessrecord.structured.mapping.RecordWarnings;
import org.gpconnect.accessrecord.structured.mapping.StructuredBundle;
import org.gpconnect.accessrecord.structured.repository.AdministrationRepository;
import org.gpconnect.accessrecord.structured.repository.PatientRepository;
import org.gpconnect.accessrecord.structured.repository.ProblemLinkRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.accessrecord.structured.request.StructuredRecordRequest;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration;
import org.gpconnect.common.fhir.careconnect.CareConnectPatients;
import org.gpconnect.common.fhir.careconnect.PatientDemographics;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Puts a patient's structured record together (access-record-structured.md §4-§9): checks the patient may
 * be shared, builds each requested area that is switched on (in request order), warns about the others
 * and about unrecognised parameters, then adds the Patient and every administrative resource the record
 * refers to, once each. The record is read in a bounded number of queries: patient, one or two per area,
 * one per administrative resource type.
 */
@ApplicationScoped
public class StructuredRecordService {

    private final PatientRepository patients;
    private final AdministrationRepository administration;
    private final ClinicalAreaSwitches switches;
    private final ProblemLinkRepository problemLinks;
    private final RelatedProblems relatedProblems;
    private final Set<String> sensitiveCodes;
    private final String identifierSystem;

    public StructuredRecordService(PatientRepository patients, AdministrationRepository administration,
                                   ClinicalAreaSwitches switches, ProblemLinkRepository problemLinks,
                                   RelatedProblems relatedProblems, AccessRecordConfig config) {
        this.problemLinks = problemLinks;
        this.relatedProblems = relatedProblems;
        this.identifierSystem = config.identifierSystem();
        this.patients = patients;
        this.administration = administration;
        this.switches = switches;
        this.sensitiveCodes = Set.copyOf(config.sensitiveExclusionCodes().orElse(Set.of()));
    }

    /** The shared patient (after the §9 checks); fails with the spec's 404/403 otherwise. */
    public Uni<RecordPatient> sharedPatient(PracticeSettings practice, String nhsNumber) {
        return patients.findByNhsNumber(practice.odsCode(), nhsNumber).map(PatientAccess::require);
    }

    public Uni<Bundle> record(PracticeSettings practice, RecordPatient patient, StructuredRecordRequest request,
                              String traceId, LocalDate today) {
        Reference patientReference = new Reference("Patient/" + patient.id());
        Set<ClinicalArea> enabledAreas = EnumSet.noneOf(ClinicalArea.class);
        for (ClinicalArea area : ClinicalArea.values()) {
            if (switches.enabled(practice, area)) {
                enabledAreas.add(area);
            }
        }
        RecordContext context = new RecordContext(practice, patient, patientReference, today, new Date(), sensitiveCodes,
                enabledAreas, request.areas());
        RecordWarnings warnings = new RecordWarnings();
        request.unrecognised().forEach(warnings::unrecognised);

        List<Map.Entry<ClinicalArea, AreaQuery>> enabled = new ArrayList<>();
        for (Map.Entry<ClinicalArea, AreaQuery> entry : request.areas().entrySet()) {
            if (context.enabled(entry.getKey())) {
                enabled.add(entry);
            } else {
                warnings.disabled(entry.getKey().parameter());
            }
        }
        return Multi.createFrom().iterable(enabled)
                .onItem().transformToUniAndConcatenate(e -> switches.section(e.getKey()).orElseThrow().build(context, e.getValue()))
                .collect().asList()
                .chain(contents -> relatedProblems(context, contents, warnings).map(related -> {
                    List<AreaContent> all = new ArrayList<>(contents);
                    related.ifPresent(all::add);
                    endedAllergies(context, all).ifPresent(all::add);
                    all.forEach(c -> c.disabledLinkedAreas().forEach(area -> warnings.disabled(area.parameter())));
                    return all;
                }))
                .chain(contents -> assemble(practice, patient, contents, warnings, traceId))
                .invoke(bundle -> LinkedReferences.settle(bundle, context::enabled, identifierSystem));
    }

    /**
     * The problems linked to what the record returns (access-record-structured.md §6: one shared
     * related-problems list, "Problems - linked problems not relating to the primary query", with any
     * query). With problems switched off they do not come, and the consumer is told why (§5 "requested or
     * linked").
     */
    private Uni<Optional<AreaContent>> relatedProblems(RecordContext context, List<AreaContent> contents, RecordWarnings warnings) {
        Set<UUID> returned = new LinkedHashSet<>();
        contents.forEach(c -> returned.addAll(c.returnedItems()));
        if (!context.enabled(ClinicalArea.PROBLEMS)) {
            return problemLinks.anyLinked(context.patient().id(), returned).map(linked -> {
                if (linked) {
                    warnings.disabled(ClinicalArea.PROBLEMS.parameter());
                }
                return Optional.empty();
            });
        }
        return relatedProblems.build(context, returned);
    }

    /**
     * The one "Ended allergies" list for the resolved allergies that problems and consultations refer to
     * (§7.2: they require that primary list; §6: resolved allergies are only ever contained in it), unless
     * the allergies area, asked for with resolved allergies, sends its own (which holds them all).
     */
    private static Optional<AreaContent> endedAllergies(RecordContext context, List<AreaContent> contents) {
        Map<String, AllergyIntolerance> ended = new LinkedHashMap<>();
        contents.forEach(c -> c.endedAllergies().forEach(a -> ended.putIfAbsent(a.getIdElement().getIdPart(), a)));
        boolean allergiesSendTheirOwn = context.enabled(ClinicalArea.ALLERGIES)
                && context.requested().get(ClinicalArea.ALLERGIES) instanceof AreaQuery.Allergies a && a.includeResolved();
        if (ended.isEmpty() || allergiesSendTheirOwn) {
            return Optional.empty();
        }
        ListResource list = ListFactory.primary(PrimaryList.ENDED_ALLERGIES, context.patientReference(),
                ended.keySet().stream().map(id -> new Reference("#" + id)).toList(), context.listWarnings(), context.created());
        ended.values().forEach(list::addContained);
        return Optional.of(new AreaContent().add(list));
    }

    private Uni<Bundle> assemble(PracticeSettings practice, RecordPatient patient, List<AreaContent> contents,
                                 RecordWarnings warnings, String traceId) {
        Set<String> practitionerIds = new LinkedHashSet<>();
        Set<String> organizationIds = new LinkedHashSet<>();
        organizationIds.add(practice.organizationId());
        if (patient.generalPractitionerId() != null) {
            practitionerIds.add(patient.generalPractitionerId());
        }
        contents.forEach(c -> {
            practitionerIds.addAll(c.practitionerIds());
            organizationIds.addAll(c.organizationIds());
        });
        List<String> usualGp = patient.generalPractitionerId() == null ? List.of() : List.of(patient.generalPractitionerId());
        return administration.roles(usualGp, practice.organizationId()).chain(roles -> {
            roles.forEach(role -> organizationIds.add(role.organizationId()));
            return administration.organizations(organizationIds).chain(organizations ->
                    administration.practitioners(practitionerIds).map(practitioners -> {
                        StructuredBundle bundle = new StructuredBundle(traceId);
                        bundle.add(CareConnectPatients.toPatient(demographics(patient, practice)));
                        organizations.forEach(o -> bundle.add(CareConnectAdministration.organization(o)));
                        practitioners.forEach(p -> bundle.add(CareConnectAdministration.practitioner(p)));
                        roles.forEach(r -> bundle.add(CareConnectAdministration.practitionerRole(r)));
                        contents.forEach(c -> c.resources().forEach(bundle::add));
                        warnings.toOperationOutcome().ifPresent(bundle::add);
                        return bundle.toBundle();
                    }));
        });
    }

    private static PatientDemographics demographics(RecordPatient p, PracticeSettings practice) {
        List<PatientDemographics.Telecom> telecoms = new ArrayList<>();
        if (p.phoneHome() != null) {
            telecoms.add(new PatientDemographics.Telecom("phone", "home", p.phoneHome()));
        }
        if (p.phoneMobile() != null) {
            telecoms.add(new PatientDemographics.Telecom("phone", "mobile", p.phoneMobile()));
        }
        // no preferred branch: this service holds no Locations, and a reference must resolve in the Bundle
        return new PatientDemographics(p.id(), null, p.nhsNumber(), p.title(), p.givenNames(), p.familyName(), p.birthDate(),
                p.gender(), p.addressLines(), p.postalCode(), telecoms,
                new PatientDemographics.Registration(p.registrationStart(), null, p.registrationType(), p.registrationActive(), null),
                p.generalPractitionerId(), practice.organizationId());
    }
}
