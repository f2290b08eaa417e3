package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.medication.MedicationAuthorisation;
import org.gpconnect.accessrecord.record.medication.MedicationIssue;
import org.gpconnect.accessrecord.structured.lists.ListFactory;
import org.gpconnect.accessrecord.structured.lists.ListWarnings;
import org.gpconnect.accessrecord.structured.lists.PrimaryList;
import org.gpconnect.accessrecord.structured.mapping.MedicationMapper;
import org.gpconnect.accessrecord.structured.repository.MedicationRepository;
import org.gpconnect.accessrecord.structured.request.AreaQuery;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Medications and medical devices (access-record-structured.md §6, §8): for each authorisation kept by
 * the date filter and allowed to leave the practice, its MedicationStatement (the list entry), the plan
 * MedicationRequest, the Medication (once however many use it) and, unless
 * {@code includePrescriptionIssues=false}, every issue (MedicationRequest intent order) made under it.
 */
@ApplicationScoped
public class MedicationsSection implements AreaSection {

    private final MedicationRepository medications;
    private final MedicationMapper mapper;

    public MedicationsSection(MedicationRepository medications, MedicationMapper mapper) {
        this.medications = medications;
        this.mapper = mapper;
    }

    @Override
    public ClinicalArea area() {
        return ClinicalArea.MEDICATION;
    }

    @Override
    public List<String> profiles() {
        return List.of(CareConnectProfiles.MEDICATION, CareConnectProfiles.MEDICATION_STATEMENT,
                CareConnectProfiles.MEDICATION_REQUEST);
    }

    @Override
    public Uni<AreaContent> build(RecordContext context, AreaQuery query) {
        AreaQuery.Medication q = (AreaQuery.Medication) query;
        return medications.forPatient(context.patient().id()).map(all -> content(context, all, q));
    }

    private AreaContent content(RecordContext context, List<MedicationAuthorisation> all, AreaQuery.Medication query) {
        AreaContent content = new AreaContent();
        ListWarnings warnings = context.listWarnings();
        Reference patient = context.patientReference();
        List<Reference> entries = new ArrayList<>();
        Map<UUID, Resource> products = new LinkedHashMap<>();
        List<Resource> items = new ArrayList<>();
        for (MedicationAuthorisation m : all) {
            if (!MedicationDateFilter.keep(m, query.searchFrom())
                    || !context.shareable(m.sharing(), m.medication().code(), warnings)) {
                continue;
            }
            entries.add(new Reference("MedicationStatement/" + m.statementId()));
            products.computeIfAbsent(m.medication().id(), id -> mapper.medication(m.medication()));
            items.add(mapper.statement(m, patient));
            items.add(mapper.plan(m, patient));
            content.refersToPractitioner(m.recorderId()).returned(m.id());
            if (query.includeIssues()) {
                for (MedicationIssue issue : m.issues()) {
                    items.add(mapper.order(m, issue, patient));
                    content.refersToPractitioner(issue.recorderId());
                }
            }
        }
        content.add(ListFactory.primary(PrimaryList.MEDICATIONS, patient, entries, warnings, context.created()));
        products.values().forEach(content::add);
        items.forEach(content::add);
        return content;
    }
}
