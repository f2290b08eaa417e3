package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gpconnect.accessrecord.record.problem.ProblemLink;
import org.gpconnect.accessrecord.record.problem.ProblemRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.Condition.ConditionClinicalStatus;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * A problem as a CareConnect-GPC-ProblemHeader-Condition-1 (access-record-structured.md §8): significance,
 * identifier, clinical status active/inactive, category problem-list-item, code, subject, asserted date,
 * asserter, onset/abatement when known; its links as relatedProblemHeader (other problems) and
 * relatedClinicalContent (other items). Links to items that do not end up in the Bundle are dealt with
 * once the Bundle is complete ({@code LinkedReferences}).
 */
@ApplicationScoped
public class ProblemHeaderMapper {

    private final ClinicalResources resources;

    public ProblemHeaderMapper(ClinicalResources resources) {
        this.resources = resources;
    }

    public Condition toFhir(ProblemRecord p, List<ProblemLink> links, Reference patient) {
        Condition condition = resources.stamp(new Condition(), p.id(), CareConnectProfiles.PROBLEM_HEADER);
        condition.addExtension(new Extension(CareConnectProfiles.EXT_PROBLEM_SIGNIFICANCE, new CodeType(p.significance())));
        for (ProblemLink link : links) {
            if (link.toProblem()) {
                Extension related = new Extension(CareConnectProfiles.EXT_RELATED_PROBLEM_HEADER);
                related.addExtension("type", new CodeType(link.relationship() == null ? "sibling" : link.relationship()));
                related.addExtension("target", new Reference("Condition/" + link.itemId()));
                condition.addExtension(related);
            } else {
                condition.addExtension(new Extension(CareConnectProfiles.EXT_RELATED_CLINICAL_CONTENT, reference(link)));
            }
        }
        condition.addIdentifier(resources.identifier(p.id()));
        condition.setClinicalStatus(p.active() ? ConditionClinicalStatus.ACTIVE : ConditionClinicalStatus.INACTIVE);
        condition.addCategory(ClinicalResources.concept(CareConnectProfiles.CS_CONDITION_CATEGORY, "problem-list-item", "Problem List Item"));
        condition.setCode(ClinicalResources.snomed(p.code(), p.display()));
        condition.setSubject(patient.copy());
        if (p.onset() != null) {
            condition.setOnset(p.onset().toFhir());
        }
        if (p.abatementDate() != null) {
            condition.setAbatement(ClinicalResources.day(p.abatementDate()));
        }
        condition.setAssertedDateElement(ClinicalResources.day(p.assertedDate()));
        condition.setAsserter(ClinicalResources.practitioner(p.asserterId()));
        if (p.note() != null) {
            condition.addNote(new Annotation().setText(p.note()));
        }
        return condition;
    }

    /** The resource a link points at: the plan for medication (the authorisation is what is linked). */
    public static Reference reference(ProblemLink link) {
        String type = switch (link.itemType()) {
            case "allergy" -> "AllergyIntolerance";
            case "medication" -> "MedicationRequest";
            case "immunisation" -> "Immunization";
            case "observation" -> "Observation";
            case "problem" -> "Condition";
            case "investigation" -> "DiagnosticReport";
            case "referral" -> "ReferralRequest";
            case "diary" -> "ProcedureRequest";
            case "consultation" -> "Encounter";
            case "document" -> "DocumentReference";
            default -> throw new IllegalStateException("Unknown problem link type " + link.itemType());
        };
        return new Reference(type + "/" + link.itemId());
    }
}
