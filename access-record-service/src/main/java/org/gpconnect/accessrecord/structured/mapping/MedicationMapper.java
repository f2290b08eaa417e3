package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.gpconnect.accessrecord.record.medication.MedicationAuthorisation;
import org.gpconnect.accessrecord.record.medication.MedicationIssue;
import org.gpconnect.accessrecord.record.medication.MedicationProduct;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Dosage;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.MedicationRequest.MedicationRequestIntent;
import org.hl7.fhir.dstu3.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.dstu3.model.MedicationStatement.MedicationStatementTaken;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.UnsignedIntType;

/**
 * Medication as GP Connect shapes it (access-record-structured.md §8): the product (Medication), the
 * authorisation (MedicationRequest intent plan), its issues (MedicationRequest intent order, basedOn the
 * plan) and the summary (MedicationStatement, basedOn the plan).
 */
@ApplicationScoped
public class MedicationMapper {

    private static final Map<String, String> PRESCRIPTION_TYPES = Map.of(
            "acute", "Acute", "repeat", "Repeat", "repeat-dispensing", "Repeat dispensing",
            "delayed-prescribing", "Delayed prescribing");
    private static final Map<String, String> PRESCRIBING_AGENCIES = Map.of(
            "prescribed-at-gp-practice", "Prescribed at GP practice",
            "prescribed-by-another-organisation", "Prescribed by another organisation",
            "prescribed-by-previous-practice", "Prescribed by previous practice");

    private final ClinicalResources resources;

    public MedicationMapper(ClinicalResources resources) {
        this.resources = resources;
    }

    public Medication medication(MedicationProduct product) {
        Medication medication = resources.stamp(new Medication(), product.id(), CareConnectProfiles.MEDICATION);
        CodeableConcept code = ClinicalResources.concept(product.codeSystem(), product.code(), product.display());
        if (product.text() != null) {
            code.setText(product.text());
        }
        return medication.setCode(code);
    }

    public MedicationStatement statement(MedicationAuthorisation a, Reference patient) {
        MedicationStatement statement = resources.stamp(new MedicationStatement(), a.statementId(),
                CareConnectProfiles.MEDICATION_STATEMENT);
        if (a.lastIssueDate() != null && !"repeat-dispensing".equals(a.prescriptionType())
                && !MedicationAuthorisation.PRESCRIBED_ELSEWHERE.equals(a.prescribingAgency())) {
            statement.addExtension(new Extension(CareConnectProfiles.EXT_MEDICATION_STATEMENT_LAST_ISSUE_DATE,
                    ClinicalResources.day(a.lastIssueDate())));
        }
        statement.addExtension(new Extension(CareConnectProfiles.EXT_PRESCRIBING_AGENCY, ClinicalResources.concept(
                CareConnectProfiles.CS_PRESCRIBING_AGENCY, a.prescribingAgency(), PRESCRIBING_AGENCIES.get(a.prescribingAgency()))));
        statement.addIdentifier(resources.identifier(a.statementId()));
        statement.addBasedOn(new Reference("MedicationRequest/" + a.id()));
        statement.setStatus(MedicationStatementStatus.fromCode(a.statementStatus()));
        statement.setMedication(new Reference("Medication/" + a.medication().id()));
        statement.setEffective(effectivePeriod(a));
        statement.setDateAssertedElement(ClinicalResources.day(a.dateAsserted()));
        statement.setSubject(patient.copy());
        statement.setTaken(MedicationStatementTaken.UNK);
        if (a.reasonCode() != null) {
            statement.addReasonCode(ClinicalResources.snomed(a.reasonCode(), a.reasonDisplay()));
        }
        if (a.note() != null) {
            statement.addNote(new Annotation().setText(a.note()));
        }
        statement.addDosage(new Dosage().setText(a.dosageText()));
        return statement;
    }

    public MedicationRequest plan(MedicationAuthorisation a, Reference patient) {
        MedicationRequest plan = request(a, a.id(), a.status(), patient, MedicationRequestIntent.PLAN);
        Extension repeats = new Extension(CareConnectProfiles.EXT_MEDICATION_REPEAT_INFORMATION);
        if (a.repeatsAllowed() != null) {
            repeats.addExtension("numberOfRepeatPrescriptionsAllowed", new PositiveIntType(a.repeatsAllowed()));
        }
        repeats.addExtension("numberOfRepeatPrescriptionsIssued", new UnsignedIntType(a.repeatsIssued()));
        if (a.authorisationExpiry() != null) {
            repeats.addExtension("authorisationExpiryDate", ClinicalResources.day(a.authorisationExpiry()));
        }
        plan.addExtension(repeats);
        if ("stopped".equals(a.status())) {
            Extension reason = new Extension(CareConnectProfiles.EXT_MEDICATION_STATUS_REASON);
            reason.addExtension("statusChangeDate", ClinicalResources.day(a.statusReasonDate()));
            if (a.statusReason() != null) {
                reason.addExtension("statusReason", new CodeableConcept().setText(a.statusReason()));
            }
            plan.addExtension(reason);
        }
        plan.getDispenseRequest().setValidityPeriod(validity(a.effectiveStart() == null ? a.authoredOn() : a.effectiveStart().first(),
                a.effectiveEnd() == null ? null : a.effectiveEnd().last()));
        plan.setAuthoredOnElement(ClinicalResources.day(a.authoredOn()));
        return plan;
    }

    public MedicationRequest order(MedicationAuthorisation a, MedicationIssue issue, Reference patient) {
        MedicationRequest order = request(a, issue.id(), issue.status(), patient, MedicationRequestIntent.ORDER);
        order.addBasedOn(new Reference("MedicationRequest/" + a.id()));
        order.getDispenseRequest().setValidityPeriod(validity(issue.issueDate(), issue.validityEnd()));
        order.setAuthoredOnElement(ClinicalResources.day(issue.issueDate()));
        order.setRecorder(ClinicalResources.practitioner(issue.recorderId()));
        return order;
    }

    private MedicationRequest request(MedicationAuthorisation a, UUID id, String status, Reference patient,
                                      MedicationRequestIntent intent) {
        MedicationRequest request = resources.stamp(new MedicationRequest(), id, CareConnectProfiles.MEDICATION_REQUEST);
        // null type: not recorded, treated as repeat (§6)
        String type = a.prescriptionType() == null ? "repeat" : a.prescriptionType();
        request.addExtension(new Extension(CareConnectProfiles.EXT_PRESCRIPTION_TYPE, ClinicalResources.concept(
                CareConnectProfiles.CS_PRESCRIPTION_TYPE, type, PRESCRIPTION_TYPES.get(type))));
        if (a.quantityText() != null) {
            request.addExtension(new Extension(CareConnectProfiles.EXT_MEDICATION_QUANTITY_TEXT, new StringType(a.quantityText())));
        }
        request.addIdentifier(resources.identifier(id));
        request.setStatus(MedicationRequestStatus.fromCode(status));
        request.setIntent(intent);
        request.setMedication(new Reference("Medication/" + a.medication().id()));
        request.setSubject(patient.copy());
        request.setRecorder(ClinicalResources.practitioner(a.recorderId()));
        request.addDosageInstruction(new Dosage().setText(a.dosageText()));
        if (a.note() != null) {
            request.addNote(new Annotation().setText(a.note()));
        }
        return request;
    }

    private static Period effectivePeriod(MedicationAuthorisation a) {
        Period period = new Period();
        period.setStartElement(a.effectiveStart() != null ? a.effectiveStart().toFhir() : ClinicalResources.day(a.authoredOn()));
        if (a.effectiveEnd() != null) {
            period.setEndElement(a.effectiveEnd().toFhir());
        }
        return period;
    }

    private static Period validity(LocalDate start, LocalDate end) {
        Period period = new Period().setStartElement(ClinicalResources.day(start));
        if (end != null) {
            period.setEndElement(ClinicalResources.day(end));
        }
        return period;
    }
}
