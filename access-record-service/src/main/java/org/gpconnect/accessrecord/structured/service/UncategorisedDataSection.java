package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.mapping.ObservationMapper;
import org.gpconnect.accessrecord.structured.repository.ObservationRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Uncategorised data (access-record-structured.md §6, §8): uncategorised Observations and blood
 * pressures, kept by {@code uncategorisedDataSearchPeriod} on their effective date ({@link PeriodFilter}),
 * entries of the "Uncategorised data" list.
 */
@ApplicationScoped
public class UncategorisedDataSection implements AreaSection {

    private static final List<ObservationRecord.Kind> KINDS =
            List.of(ObservationRecord.Kind.UNCATEGORISED, ObservationRecord.Kind.BLOOD_PRESSURE);

    private final ObservationRepository observations;
    private final ObservationMapper mapper;
    private final ZoneId zone;

    public UncategorisedDataSection(ObservationRepository observations, ObservationMapper mapper, AccessRecordConfig config) {
        this.observations = observations;
        this.mapper = mapper;
        this.zone = config.timeZone();
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.UNCATEGORISED_DATA;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.OBSERVATION);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        AreaQuery.Period q = (AreaQuery.Period) query;
        return observations.forPatient(context.patient().id(), KINDS).map(all -> {
            AreaContent content = new AreaContent();
            ListWarnings warnings = context.listWarnings();
            List<Reference> entries = new ArrayList<>();
            List<Observation> items = new ArrayList<>();
            for (ObservationRecord o : all) {
                if (!PeriodFilter.keep(o.effectiveInterval(zone), q.period()) || !context.shareable(o.sharing(), o.code(), warnings)) {
                    continue;
                }
                entries.add(new Reference("Observation/" + o.id()));
                items.add(mapper.toFhir(o, context.patientReference()));
                content.refersToPractitioner(o.performerId()).returned(o.id());
            }
            content.add(ListFactory.primary(PrimaryList.UNCATEGORISED_DATA, context.patientReference(), entries, warnings, context.created()));
            items.forEach(content::add);
            return content;
        });
    }
}
