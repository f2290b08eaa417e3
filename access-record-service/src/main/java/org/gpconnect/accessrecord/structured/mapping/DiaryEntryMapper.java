package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.accessrecord.record.diary.DiaryEntryRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * A diary entry as a CareConnect-GPC-ProcedureRequest-1 (access-record-structured.md §8): identifier,
 * status {@code active}, intent {@code plan}, code (text when uncoded), subject, authored date, requester
 * agent; when it falls due and a note when recorded.
 */
@ApplicationScoped
public class DiaryEntryMapper {

    private final ClinicalResources resources;

    public DiaryEntryMapper(ClinicalResources resources) {
        this.resources = resources;
    }

    public ProcedureRequest toFhir(DiaryEntryRecord d, Reference patient) {
        ProcedureRequest entry = resources.stamp(new ProcedureRequest(), d.id(), CareConnectProfiles.PROCEDURE_REQUEST);
        entry.addIdentifier(resources.identifier(d.id()));
        entry.setStatus(ProcedureRequest.ProcedureRequestStatus.ACTIVE);
        entry.setIntent(ProcedureRequest.ProcedureRequestIntent.PLAN);
        CodeableConcept code = d.code() != null ? ClinicalResources.snomed(d.code(), d.display()) : new CodeableConcept();
        if (d.text() != null) {
            code.setText(d.text());
        }
        entry.setCode(code);
        entry.setSubject(patient.copy());
        if (d.occurrence() != null) {
            entry.setOccurrence(d.occurrence().toFhir());
        }
        entry.setAuthoredOnElement(ClinicalResources.day(d.authoredOn()));
        entry.getRequester().setAgent(ClinicalResources.practitioner(d.requesterId()));
        if (d.note() != null) {
            entry.addNote(new Annotation().setText(d.note()));
        }
        return entry;
    }
}
