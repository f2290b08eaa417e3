package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.immunisation.ImmunisationRecord;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.mapping.ImmunizationMapper;
import org.gpconnect.accessrecord.structured.mapping.ObservationMapper;
import org.gpconnect.accessrecord.structured.repository.ImmunisationRepository;
import org.gpconnect.accessrecord.structured.repository.ObservationRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Immunisations (access-record-structured.md §2, §6, §8): the Immunization resources, only those given
 * unless {@code includeNotGiven=true}, and, unless {@code includeStatus=false}, the immunisation consent,
 * dissent and invitation Observations; all of them entries of the "Immunisations" list.
 */
@ApplicationScoped
public class ImmunisationsSection implements AreaSection {

    private final ImmunisationRepository immunisations;
    private final ObservationRepository observations;
    private final ImmunizationMapper mapper;
    private final ObservationMapper observationMapper;

    public ImmunisationsSection(ImmunisationRepository immunisations, ObservationRepository observations,
                                ImmunizationMapper mapper, ObservationMapper observationMapper) {
        this.immunisations = immunisations;
        this.observations = observations;
        this.mapper = mapper;
        this.observationMapper = observationMapper;
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.IMMUNISATIONS;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.IMMUNIZATION, CareConnectProfiles.OBSERVATION);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        AreaQuery.Immunisations q = (AreaQuery.Immunisations) query;
        Uni<List<ObservationRecord>> statuses = q.includeStatus()
                ? observations.forPatient(context.patient().id(), List.of(ObservationRecord.Kind.IMMUNISATION_STATUS))
                : Uni.createFrom().item(List.of());
        return immunisations.forPatient(context.patient().id())
                .chain(all -> statuses.map(status -> content(context, all, status, q)));
    }

    private AreaContent content(RecordContext context, List<ImmunisationRecord> all, List<ObservationRecord> statuses,
                                AreaQuery.Immunisations query) {
        AreaContent content = new AreaContent();
        ListWarnings warnings = context.listWarnings();
        Reference patient = context.patientReference();
        List<Reference> entries = new ArrayList<>();
        List<Resource> items = new ArrayList<>();
        for (ImmunisationRecord i : all) {
            if ((i.notGiven() && !query.includeNotGiven()) || !context.shareable(i.sharing(), i.procedureCode(), warnings)) {
                continue;
            }
            entries.add(new Reference("Immunization/" + i.id()));
            items.add(mapper.toFhir(i, patient));
            content.refersToPractitioner(i.practitionerId()).returned(i.id());
        }
        for (ObservationRecord o : statuses) {
            if (!context.shareable(o.sharing(), o.code(), warnings)) {
                continue;
            }
            entries.add(new Reference("Observation/" + o.id()));
            items.add(observationMapper.toFhir(o, patient));
            content.refersToPractitioner(o.performerId()).returned(o.id());
        }
        content.add(ListFactory.primary(PrimaryList.IMMUNISATIONS, patient, entries, warnings, context.created()));
        items.forEach(content::add);
        return content;
    }
}
