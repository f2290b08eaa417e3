package org.gpconnect.accessrecord.structured.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.accessrecord.record.immunisation.ImmunisationRecord;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Annotation;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Immunization.ImmunizationStatus;
import org.hl7.fhir.dstu3.model.Immunization.ImmunizationVaccinationProtocolComponent;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * An immunisation as a CareConnect-GPC-Immunization-1 (access-record-structured.md §8): status
 * {@code completed}, notGiven, vaccine code (the UNK null flavour when the product was not recorded),
 * patient, primary source, practitioner, protocol dose sequence and target disease, and the mandatory
 * date-recorded and vaccination-procedure extensions; date, site, route, lot, note, parent present and
 * the reason not given when known.
 */
@ApplicationScoped
public class ImmunizationMapper {

    private final ClinicalResources resources;

    public ImmunizationMapper(ClinicalResources resources) {
        this.resources = resources;
    }

    public Immunization toFhir(ImmunisationRecord i, Reference patient) {
        Immunization immunization = resources.stamp(new Immunization(), i.id(), CareConnectProfiles.IMMUNIZATION);
        immunization.addExtension(new Extension(CareConnectProfiles.EXT_DATE_RECORDED, ClinicalResources.day(i.recordedDate())));
        immunization.addExtension(new Extension(CareConnectProfiles.EXT_VACCINATION_PROCEDURE,
                ClinicalResources.snomed(i.procedureCode(), i.procedureDisplay())));
        if (i.parentPresent() != null) {
            immunization.addExtension(new Extension(CareConnectProfiles.EXT_PARENT_PRESENT, new BooleanType(i.parentPresent())));
        }
        immunization.addIdentifier(resources.identifier(i.id()));
        immunization.setStatus(ImmunizationStatus.COMPLETED);
        immunization.setNotGiven(i.notGiven());
        immunization.setVaccineCode(i.vaccineCode() != null
                ? ClinicalResources.snomed(i.vaccineCode(), i.vaccineDisplay())
                : ClinicalResources.concept(CareConnectProfiles.NULL_FLAVOR, "UNK", "unknown"));
        immunization.setPatient(patient.copy());
        if (i.administered() != null) {
            immunization.setDateElement(i.administered().toFhir());
        }
        immunization.setPrimarySource(i.primarySource());
        if (i.lotNumber() != null) {
            immunization.setLotNumber(i.lotNumber());
        }
        if (i.siteCode() != null) {
            immunization.setSite(ClinicalResources.snomed(i.siteCode(), i.siteDisplay()));
        }
        if (i.routeCode() != null) {
            immunization.setRoute(ClinicalResources.snomed(i.routeCode(), i.routeDisplay()));
        }
        immunization.addPractitioner().setActor(ClinicalResources.practitioner(i.practitionerId()));
        if (i.note() != null) {
            immunization.addNote(new Annotation().setText(i.note()));
        }
        if (i.notGiven() && (i.notGivenReasonCode() != null || i.notGivenReason() != null)) {
            immunization.getExplanation().addReasonNotGiven(i.notGivenReasonCode() != null
                    ? ClinicalResources.snomed(i.notGivenReasonCode(), i.notGivenReason())
                    : new CodeableConcept().setText(i.notGivenReason()));
        }
        ImmunizationVaccinationProtocolComponent protocol = immunization.addVaccinationProtocol();
        protocol.setDoseSequenceElement(new PositiveIntType(i.doseSequence()));
        protocol.addTargetDisease(ClinicalResources.snomed(i.targetDiseaseCode(), i.targetDiseaseDisplay()));
        // doseStatus is 1..1 in STU3 itself: a recorded dose counts
        protocol.setDoseStatus(ClinicalResources.concept(CareConnectProfiles.CS_VACCINATION_DOSE_STATUS, "count", "Counts"));
        return immunization;
    }
}
