package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord.ResultRecord;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord.SpecimenRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Observation.ObservationRelationshipType;
import org.hl7.fhir.dstu3.model.Observation.ObservationStatus;
import org.hl7.fhir.dstu3.model.ProcedureRequest;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Specimen;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * A test report and everything under it (access-record-structured.md §8): the DiagnosticReport (status,
 * code, subject, issued; basedOn the request, specimens, result references), the test request
 * (ProcedureRequest, status active, intent order, "No code available" when uncoded), the Specimens, and
 * the Observations: test group headers (hasMember their results), results, filing comments (status
 * unknown, Comment note, issued, performer). Confidential observations are left out by the caller.
 */
@ApplicationScoped
public class InvestigationMapper {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ClinicalResources resources;
    private final ZoneId zone;

    public InvestigationMapper(ClinicalResources resources, AccessRecordConfig config) {
        this.resources = resources;
        this.zone = config.timeZone();
    }

    /** The report first, then its request, specimens and observations. */
    public List<Resource> toFhir(InvestigationRecord r, List<ResultRecord> shared, Reference patient) {
        List<Resource> out = new ArrayList<>();
        DiagnosticReport report = resources.stamp(new DiagnosticReport(), r.id(), CareConnectProfiles.DIAGNOSTIC_REPORT);
        report.addIdentifier(resources.identifier(r.id()));
        report.setStatus(DiagnosticReportStatus.fromCode(r.status()));
        report.setCode(ClinicalResources.snomed(r.code(), r.display()));
        report.setSubject(patient.copy());
        report.setIssuedElement(new InstantType(format(r.issued())));
        if (r.performerOrganizationId() != null) {
            report.addPerformer().setActor(new Reference("Organization/" + r.performerOrganizationId()));
        }
        if (r.conclusion() != null) {
            report.setConclusion(r.conclusion());
        }
        out.add(report);
        if (r.request() != null) {
            report.addBasedOn(new Reference("ProcedureRequest/" + r.request().id()));
            out.add(request(r.request(), patient));
        }
        for (SpecimenRecord s : r.specimens()) {
            report.addSpecimen(new Reference("Specimen/" + s.id()));
            out.add(specimen(s, patient));
        }
        for (ResultRecord o : shared) {
            if (o.groupId() == null) {
                report.addResult(new Reference("Observation/" + o.id()));
            }
            Observation observation = observation(o, patient);
            if ("test-group".equals(o.kind())) {
                shared.stream().filter(m -> o.id().equals(m.groupId())).forEach(m -> observation.addRelated()
                        .setType(ObservationRelationshipType.HASMEMBER).setTarget(new Reference("Observation/" + m.id())));
            }
            out.add(observation);
        }
        return out;
    }

    private ProcedureRequest request(InvestigationRecord.TestRequest t, Reference patient) {
        ProcedureRequest request = resources.stamp(new ProcedureRequest(), t.id(), CareConnectProfiles.PROCEDURE_REQUEST);
        request.addIdentifier(resources.identifier(t.id()));
        request.setStatus(ProcedureRequest.ProcedureRequestStatus.ACTIVE);
        request.setIntent(ProcedureRequest.ProcedureRequestIntent.ORDER);
        CodeableConcept code = t.code() != null ? ClinicalResources.snomed(t.code(), t.display()) : new CodeableConcept();
        if (t.code() == null) {
            code.setText(t.text() != null ? t.text() : "No code available");
        }
        request.setCode(code);
        request.setSubject(patient.copy());
        if (t.authoredOn() != null) {
            request.setAuthoredOnElement(ClinicalResources.day(t.authoredOn()));
        }
        if (t.requesterId() != null) {
            request.getRequester().setAgent(ClinicalResources.practitioner(t.requesterId()));
        }
        return request;
    }

    private Specimen specimen(SpecimenRecord s, Reference patient) {
        Specimen specimen = resources.stamp(new Specimen(), s.id(), CareConnectProfiles.SPECIMEN);
        specimen.addIdentifier(resources.identifier(s.id()));
        specimen.setType(s.typeCode() != null ? ClinicalResources.snomed(s.typeCode(), s.typeDisplay())
                : new CodeableConcept().setText(s.typeDisplay()));
        specimen.setSubject(patient.copy());
        if (s.collectedAt() != null) {
            specimen.getCollection().setCollected(new DateTimeType(format(s.collectedAt())));
        }
        return specimen;
    }

    private Observation observation(ResultRecord o, Reference patient) {
        Observation observation = resources.stamp(new Observation(), o.id(), CareConnectProfiles.OBSERVATION);
        observation.addIdentifier(resources.identifier(o.id()));
        observation.setStatus(ObservationStatus.fromCode(o.status()));
        observation.setCode(ClinicalResources.snomed(o.code(), o.display()));
        observation.setSubject(patient.copy());
        if (o.issued() != null) {
            observation.setIssuedElement(new InstantType(format(o.issued())));
        }
        if (o.performerId() != null) {
            observation.addPerformer(ClinicalResources.practitioner(o.performerId()));
        }
        if (o.valueQuantity() != null) {
            Quantity q = new Quantity().setValue(o.valueQuantity());
            if (o.valueUnit() != null) {
                q.setUnit(o.valueUnit()).setSystem(CareConnectProfiles.UCUM).setCode(o.valueUnit());
            }
            observation.setValue(q);
        } else if (o.valueString() != null) {
            observation.setValue(new StringType(o.valueString()));
        }
        if (o.comment() != null) {
            observation.setComment(o.comment());
        }
        return observation;
    }

    private String format(OffsetDateTime at) {
        return DATE_TIME.format(at.atZoneSameInstant(zone));
    }
}
