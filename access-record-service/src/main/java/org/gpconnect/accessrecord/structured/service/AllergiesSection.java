package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.allergy.AllergyRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.mapping.AllergyIntoleranceMapper;
import org.gpconnect.accessrecord.structured.repository.AllergyRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Allergies (access-record-structured.md §6, §7.4, §8): active allergies as entries of "Allergies and
 * adverse reactions"; with {@code includeResolvedAllergies=true} the resolved ones too, but only as
 * resources <em>contained</em> in the "Ended allergies" list, so they can never be mistaken for active
 * ones (security-and-audit.md §5). A "No known allergies" record is an ordinary active entry.
 */
@ApplicationScoped
public class AllergiesSection implements AreaSection {

    private final AllergyRepository allergies;
    private final AllergyIntoleranceMapper mapper;

    public AllergiesSection(AllergyRepository allergies, AllergyIntoleranceMapper mapper) {
        this.allergies = allergies;
        this.mapper = mapper;
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.ALLERGIES;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.ALLERGY_INTOLERANCE);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        boolean includeResolved = ((AreaQuery.Allergies) query).includeResolved();
        return allergies.forPatient(context.patient().id()).map(all -> content(context, all, includeResolved));
    }

    private AreaContent content(RecordContext context, List<AllergyRecord> all, boolean includeResolved) {
        AreaContent content = new AreaContent();
        ListWarnings activeWarnings = context.listWarnings();
        ListWarnings endedWarnings = context.listWarnings();
        List<AllergyIntolerance> active = new ArrayList<>();
        List<AllergyIntolerance> ended = new ArrayList<>();
        for (AllergyRecord allergy : all) {
            if (!allergy.active() && !includeResolved) {
                continue;
            }
            if (!context.shareable(allergy.sharing(), allergy.code(), allergy.active() ? activeWarnings : endedWarnings)) {
                continue;
            }
            (allergy.active() ? active : ended).add(mapper.toFhir(allergy, context.patientReference()));
            content.refersToPractitioner(allergy.recorderId()).refersToPractitioner(allergy.asserterId()).returned(allergy.id());
        }
        content.add(ListFactory.primary(PrimaryList.ALLERGIES, context.patientReference(),
                active.stream().map(a -> new Reference("AllergyIntolerance/" + a.getIdElement().getIdPart())).toList(),
                activeWarnings, context.created()));
        if (includeResolved) {
            ListResource endedList = ListFactory.primary(PrimaryList.ENDED_ALLERGIES, context.patientReference(),
                    ended.stream().map(a -> new Reference("#" + a.getIdElement().getIdPart())).toList(),
                    endedWarnings, context.created());
            ended.forEach(endedList::addContained);
            content.add(endedList);
        }
        active.forEach(content::add);
        return content;
    }
}
