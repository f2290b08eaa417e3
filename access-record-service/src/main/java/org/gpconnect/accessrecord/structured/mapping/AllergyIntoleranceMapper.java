package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.accessrecord.record.allergy.AllergyRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceClinicalStatus;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceReactionComponent;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceType;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceVerificationStatus;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * An allergy as a CareConnect-GPC-AllergyIntolerance-1 (access-record-structured.md §8): clinical status,
 * verification status always {@code unconfirmed}, category {@code medication} for drug allergies and
 * {@code environment} for everything else (never food or biologic), code, patient, asserted date,
 * recorder; onset, criticality, asserter, note and reaction when known; a resolved allergy carries the
 * AllergyIntoleranceEnd extension with its end date and reason ("No information available" when the
 * source recorded none).
 */
@ApplicationScoped
public class AllergyIntoleranceMapper {

    static final String NO_END_REASON = "No information available";

    private final ClinicalResources resources;

    public AllergyIntoleranceMapper(ClinicalResources resources) {
        this.resources = resources;
    }

    public AllergyIntolerance toFhir(AllergyRecord a, Reference patient) {
        AllergyIntolerance allergy = resources.stamp(new AllergyIntolerance(), a.id(), CareConnectProfiles.ALLERGY_INTOLERANCE);
        if (!a.active()) {
            Extension end = new Extension(CareConnectProfiles.EXT_ALLERGY_INTOLERANCE_END);
            end.addExtension("endDate", ClinicalResources.day(a.endDate()));
            end.addExtension("reasonEnded", new StringType(a.endReason() == null || a.endReason().isBlank()
                    ? NO_END_REASON : a.endReason()));
            allergy.addExtension(end);
        }
        allergy.addIdentifier(resources.identifier(a.id()));
        allergy.setClinicalStatus(a.active() ? AllergyIntoleranceClinicalStatus.ACTIVE : AllergyIntoleranceClinicalStatus.RESOLVED);
        allergy.setVerificationStatus(AllergyIntoleranceVerificationStatus.UNCONFIRMED);
        if (a.type() != null) {
            allergy.setType(AllergyIntoleranceType.fromCode(a.type()));
        }
        allergy.addCategory("medication".equals(a.category())
                ? AllergyIntoleranceCategory.MEDICATION : AllergyIntoleranceCategory.ENVIRONMENT);
        if (a.criticality() != null) {
            allergy.setCriticality(AllergyIntoleranceCriticality.fromCode(a.criticality()));
        }
        allergy.setCode(ClinicalResources.concept(a.codeSystem(), a.code(), a.display()));
        allergy.setPatient(patient.copy());
        if (a.onset() != null) {
            allergy.setOnset(a.onset().toFhir());
        }
        allergy.setAssertedDateElement(ClinicalResources.day(a.assertedDate()));
        allergy.setRecorder(ClinicalResources.practitioner(a.recorderId()));
        if (a.asserterId() != null) {
            allergy.setAsserter(ClinicalResources.practitioner(a.asserterId()));
        }
        if (a.note() != null) {
            allergy.addNote(new Annotation().setText(a.note()));
        }
        if (a.reactionCode() != null || a.reactionSeverity() != null) {
            AllergyIntoleranceReactionComponent reaction = allergy.addReaction();
            // manifestation is 1..*: a severity without a recorded manifestation gets the UNK null flavour
            reaction.addManifestation(a.reactionCode() != null
                    ? ClinicalResources.snomed(a.reactionCode(), a.reactionDisplay())
                    : ClinicalResources.concept(CareConnectProfiles.NULL_FLAVOR, "UNK", "unknown"));
            if (a.reactionSeverity() != null) {
                reaction.setSeverity(AllergyIntoleranceSeverity.fromCode(a.reactionSeverity()));
            }
        }
        return allergy;
    }
}
