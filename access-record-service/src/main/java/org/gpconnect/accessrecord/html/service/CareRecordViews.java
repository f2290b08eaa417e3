package org.gpconnect.accessrecord.html.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.html.repository.AdministrativeItemRepository;
import org.gpconnect.accessrecord.html.view.Banner;
import org.gpconnect.accessrecord.html.view.CareRecordPage;
import org.gpconnect.accessrecord.html.view.Subsection;
import org.gpconnect.accessrecord.record.observation.ObservationRecord.Kind;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.accessrecord.record.problem.ProblemRecord;
import org.gpconnect.accessrecord.record.referral.ReferralRecord;
import org.gpconnect.accessrecord.structured.repository.AdministrationRepository;
import org.gpconnect.accessrecord.structured.repository.AllergyRepository;
import org.gpconnect.accessrecord.structured.repository.ConsultationRepository;
import org.gpconnect.accessrecord.structured.repository.ImmunisationRepository;
import org.gpconnect.accessrecord.structured.repository.MedicationRepository;
import org.gpconnect.accessrecord.structured.repository.ObservationRepository;
import org.gpconnect.accessrecord.structured.repository.ProblemRepository.PatientProblems;
import org.gpconnect.accessrecord.structured.repository.ProblemRepository;
import org.gpconnect.accessrecord.structured.repository.ReferralRepository;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.PractitionerDetails;
import org.gpconnect.common.interaction.RecordSection;

/**
 * Puts one section's view together (access-record-html.md §4.1, §5): reads just the parts of the record the
 * section shows, through the same repositories as Access Record Structured (the HTML is a second view of the
 * same record), and lays out its tables in the order of §5. Every section is read in a bounded number of
 * queries.
 */
@ApplicationScoped
public class CareRecordViews {

    private final AllergyRepository allergies;
    private final MedicationRepository medication;
    private final ProblemRepository problems;
    private final ConsultationRepository consultations;
    private final ObservationRepository observations;
    private final ImmunisationRepository immunisations;
    private final ReferralRepository referrals;
    private final AdministrationRepository administration;
    private final AdministrativeItemRepository administrativeItems;
    private final Set<String> emergencyCodes;

    public CareRecordViews(AllergyRepository allergies, MedicationRepository medication, ProblemRepository problems,
                           ConsultationRepository consultations, ObservationRepository observations,
                           ImmunisationRepository immunisations, ReferralRepository referrals,
                           AdministrationRepository administration, AdministrativeItemRepository administrativeItems,
                           AccessRecordConfig config) {
        this.allergies = allergies;
        this.medication = medication;
        this.problems = problems;
        this.consultations = consultations;
        this.observations = observations;
        this.immunisations = immunisations;
        this.referrals = referrals;
        this.administration = administration;
        this.administrativeItems = administrativeItems;
        this.emergencyCodes = Set.copyOf(config.html().emergencyCodes().orElse(Set.of()));
    }

    Uni<CareRecordPage> page(SectionContext context) {
        RecordSection section = context.section();
        Banner gpTransfer = context.patient().recordInTransit() ? Banner.gpTransfer(context.patient().registrationStart()) : null;
        boolean multiTable = switch (section) {
            case SUM, PRB, ALL, MED -> true;
            default -> false;
        };
        return subsections(context).map(subsections -> new CareRecordPage(section.title(), gpTransfer, subsections, multiTable));
    }

    private Uni<List<Subsection>> subsections(SectionContext context) {
        String patient = context.patient().id();
        return switch (context.section()) {
            case SUM -> summary(context);
            case PRB -> problems.forPatient(patient).map(p -> List.of(
                    ProblemTables.active(ProblemTables.ACTIVE, p.problems(), context),
                    ProblemTables.majorInactive(ProblemTables.MAJOR_INACTIVE, p.problems(), context),
                    ProblemTables.otherInactive(p.problems(), context)));
            case ALL -> allergies.forPatient(patient).map(a -> List.of(
                    AllergyTables.current(a, context), AllergyTables.historical(a, context)));
            case MED -> problems.forPatient(patient).chain(p -> medicationTables(context, p)).map(m -> {
                List<Subsection> tables = new ArrayList<>(List.of(m.acute(MedicationTables.ACUTE),
                        m.currentRepeat(MedicationTables.CURRENT_REPEAT), m.discontinuedRepeat()));
                tables.addAll(m.all());
                return tables;
            });
            case ENC -> consultations.forPatient(patient).map(c -> List.of(EncounterTables.encounters(c, context)));
            case OBS -> uncategorised(patient).map(o -> List.of(ObservationTables.observations(o, context)));
            case CLI -> uncategorised(patient).map(o -> List.of(ObservationTables.clinicalItems(o, context)));
            case IMM -> immunisations.forPatient(patient).map(i -> List.of(ImmunisationTables.immunisations(i, context)));
            case REF -> referrals(context);
            case ADM -> administrativeItems.forPatient(patient)
                    .map(i -> List.of(AdministrativeItemTables.administrativeItems(i, context)));
        };
    }

    /**
     * §5 Summary: the subsections in order, none of them date-filtered; Emergency Codes first, and only when an
     * emergency code list is configured (the switch).
     */
    private Uni<List<Subsection>> summary(SectionContext context) {
        String patient = context.patient().id();
        return consultations.forPatient(patient).chain(encounters -> problems.forPatient(patient).chain(p ->
                allergies.forPatient(patient).chain(a -> medicationTables(context, p).chain(m -> emergencyCodes(context, p)
                        .map(emergency -> {
                            List<Subsection> tables = new ArrayList<>();
                            emergency.ifPresent(tables::add);
                            tables.addAll(List.of(
                                    EncounterTables.lastThree(encounters, context),
                                    ProblemTables.active(ProblemTables.ACTIVE.withRule(DateRule.NONE), p.problems(), context),
                                    ProblemTables.majorInactive(ProblemTables.MAJOR_INACTIVE.withRule(DateRule.NONE), p.problems(), context),
                                    AllergyTables.current(a, context),
                                    m.acute(MedicationTables.ACUTE.withRule(DateRule.NONE)),
                                    m.currentRepeat(MedicationTables.CURRENT_REPEAT.withRule(DateRule.NONE))));
                            return tables;
                        })))));
    }

    /** The Emergency Codes subsection when the switch is on (a code list is configured); else nothing, and no query. */
    private Uni<Optional<Subsection>> emergencyCodes(SectionContext context, PatientProblems p) {
        if (emergencyCodes.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return uncategorised(context.patient().id())
                .map(o -> Optional.of(EmergencyCodeTables.emergencyCodes(emergencyCodes, p.problems(), o, context)));
    }

    /** The medication with the titles of the problems each item is linked to (Additional Information, §5). */
    private Uni<MedicationTables> medicationTables(SectionContext context, PatientProblems p) {
        return medication.forPatient(context.patient().id()).map(m -> {
            Map<UUID, ProblemRecord> shareable = p.problems().stream()
                    .filter(problem -> context.visibility(problem.sharing(), problem.code()) == Visibility.SHOWN)
                    .collect(Collectors.toMap(ProblemRecord::id, problem -> problem));
            Map<UUID, List<String>> linked = new HashMap<>();
            p.links().stream().filter(l -> "medication".equals(l.itemType()) && shareable.containsKey(l.problemId()))
                    .forEach(l -> linked.computeIfAbsent(l.itemId(), k -> new ArrayList<>()).add(shareable.get(l.problemId()).display()));
            return new MedicationTables(m, linked, context);
        });
    }

    private Uni<List<ObservationRecord>> uncategorised(String patient) {
        return observations.forPatient(patient, List.of(Kind.UNCATEGORISED, Kind.BLOOD_PRESSURE));
    }

    /** Referrals with the names of the clinicians and organisations they name (one query per type). */
    private Uni<List<Subsection>> referrals(SectionContext context) {
        return referrals.forPatient(context.patient().id()).chain(found -> {
            Set<String> organizationIds = found.stream()
                    .flatMap(r -> Stream.of(r.onBehalfOfOrganizationId(), r.recipientOrganizationId()))
                    .filter(id -> id != null).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> practitionerIds = found.stream().map(ReferralRecord::requesterId).filter(id -> id != null)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return administration.organizations(organizationIds).chain(orgs -> administration.practitioners(practitionerIds)
                    .map(people -> {
                        Map<String, String> organizationNames = new HashMap<>();
                        orgs.forEach(o -> organizationNames.put(o.id(), o.name()));
                        Map<String, String> practitionerNames = new HashMap<>();
                        people.forEach(p -> practitionerNames.put(p.id(), name(p)));
                        return List.of(ReferralTables.referrals(found, organizationNames, practitionerNames, context));
                    }));
        });
    }

    /** "Miss Nichole Gilbert": prefix, given names, family name, as far as recorded. */
    static String name(PractitionerDetails practitioner) {
        List<String> parts = new ArrayList<>();
        if (practitioner.namePrefix() != null) {
            parts.add(practitioner.namePrefix());
        }
        parts.addAll(practitioner.givenNames());
        if (practitioner.familyName() != null) {
            parts.add(practitioner.familyName());
        }
        return String.join(" ", parts);
    }
}
