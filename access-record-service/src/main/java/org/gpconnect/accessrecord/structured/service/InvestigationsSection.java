package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.repository.InvestigationRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Investigations (access-record-structured.md §6, §8): each report kept by {@code investigationSearchPeriod}
 * on its issued date is an entry of "Investigations and results", sent with its request, specimens and
 * observations ({@link InvestigationItems}).
 */
@ApplicationScoped
public class InvestigationsSection implements AreaSection {

    private final InvestigationRepository investigations;
    private final InvestigationItems items;
    private final ZoneId zone;

    public InvestigationsSection(InvestigationRepository investigations, InvestigationItems items, AccessRecordConfig config) {
        this.investigations = investigations;
        this.items = items;
        this.zone = config.timeZone();
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.INVESTIGATIONS;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.DIAGNOSTIC_REPORT, CareConnectProfiles.PROCEDURE_REQUEST,
                CareConnectProfiles.SPECIMEN, CareConnectProfiles.OBSERVATION);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        AreaQuery.Period q = (AreaQuery.Period) query;
        return investigations.forPatient(context.patient().id()).map(all -> {
            AreaContent content = new AreaContent();
            ListWarnings warnings = context.listWarnings();
            List<Reference> entries = new ArrayList<>();
            List<Resource> resources = new ArrayList<>();
            for (InvestigationRecord r : all) {
                if (!PeriodFilter.keep(PartialDate.day(r.issued().atZoneSameInstant(zone).toLocalDate()), q.period())) {
                    continue;
                }
                items.add(context, r, warnings, content).ifPresent(report -> {
                    entries.add(new Reference("DiagnosticReport/" + r.id()));
                    resources.addAll(report);
                });
            }
            content.add(ListFactory.primary(PrimaryList.INVESTIGATIONS, context.patientReference(), entries, warnings, context.created()));
            resources.forEach(content::add);
            return content;
        });
    }
}
