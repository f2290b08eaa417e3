package org.gpconnect.appointment.foundations.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.appointment.foundations.PatientTelecom;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.hl7.fhir.dstu3.model.Address.AddressUse;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;

/**
 * A patient as a CareConnect-GPC-Patient-1 (foundations.md §9.1). Populates the NHS number (with its
 * verification status), the official name, birth date, gender, home address, telecoms, registration
 * details, managing organisation, GP, and what a registration stored (temporary address and phone with their end
 * date, NHS communication). Never populates what §9.1 forbids (marital status, multiple birth,
 * ethnicity, religion, cadaveric donor, residential status, treatment category, birth place), and never
 * {@code deceased}: deceased patients are not disclosed at all.
 */
@ApplicationScoped
public class PatientMapper {

    /** CareConnect-RegistrationType-1 displays (foundations.md §9.2). */
    private static final Map<String, String> REGISTRATION_TYPES = Map.of(
            "R", "Regular", "E", "Emergency", "IN", "Immediately necessary", "T", "Temporary",
            "P", "Private", "O", "Other", "S", "Synthetic Record");

    /**
     * @param managingOrganizationId the Organization of the practice addressed by the request URL, which
     *                               is the managing organisation whatever practice the patient is registered at
     */
    public Patient toFhir(PatientEntity entity, String managingOrganizationId) {
        Patient patient = ResourceMeta.stamp(new Patient(), entity.id, FhirProfiles.PATIENT, entity.version);
        patient.addExtension(registrationDetails(entity));
        patient.addIdentifier(nhsNumber(entity.nhsNumber));
        patient.addName(DataTypes.officialName(entity.title, entity.givenNames, entity.familyName));
        for (PatientTelecom telecom : entity.telecoms) {
            ContactPoint contactPoint = new ContactPoint()
                    .setSystem(ContactPointSystem.fromCode(telecom.system))
                    .setValue(telecom.value)
                    .setUse(telecom.use == null ? null : ContactPointUse.fromCode(telecom.use));
            if (telecom.periodEnd != null) {
                contactPoint.setPeriod(new Period().setEndElement(date(telecom.periodEnd)));
            }
            patient.addTelecom(contactPoint);
        }
        if (entity.gender != null) {
            patient.setGender(AdministrativeGender.fromCode(entity.gender));
        }
        patient.setBirthDateElement(new DateType(entity.birthDate.toString()));
        var address = DataTypes.address(AddressUse.HOME, entity.addressLines, entity.addressCity, entity.addressDistrict, null,
                entity.postalCode, entity.addressCountry);
        if (address != null) {
            patient.addAddress(address);
        }
        var temporary = DataTypes.address(AddressUse.TEMP, entity.tempAddressLines, entity.tempAddressCity,
                entity.tempAddressDistrict, null, entity.tempPostalCode, entity.tempAddressCountry);
        if (temporary != null) {
            if (entity.tempAddressEnd != null) {
                temporary.setPeriod(new Period().setEndElement(date(entity.tempAddressEnd)));
            }
            patient.addAddress(temporary);
        }
        if (entity.communicationLanguageCode != null) {
            patient.addExtension(communication(entity));
        }
        if (entity.generalPractitionerId != null) {
            patient.addGeneralPractitioner(DataTypes.reference("Practitioner", entity.generalPractitionerId));
        }
        patient.setManagingOrganization(DataTypes.reference("Organization", managingOrganizationId));
        return patient;
    }

    /** Extension-CareConnect-GPC-NHSCommunication-1: the language and whether an interpreter is needed. */
    private static Extension communication(PatientEntity entity) {
        Extension communication = new Extension(FhirProfiles.EXT_NHS_COMMUNICATION);
        communication.addExtension("language", new CodeableConcept().addCoding(new Coding(FhirProfiles.CS_HUMAN_LANGUAGE,
                entity.communicationLanguageCode, entity.communicationLanguageDisplay)));
        if (entity.interpreterRequired != null) {
            communication.addExtension("interpreterRequired", new BooleanType(entity.interpreterRequired));
        }
        return communication;
    }

    private static Identifier nhsNumber(String nhsNumber) {
        Identifier identifier = new Identifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber);
        // only verified numbers are disclosed (PatientDisclosure), so the status is always 01
        identifier.addExtension(new Extension(FhirProfiles.EXT_NHS_NUMBER_VERIFICATION_STATUS, new CodeableConcept()
                .addCoding(new Coding(FhirProfiles.CS_NHS_NUMBER_VERIFICATION_STATUS, "01", "Number present and verified"))));
        return identifier;
    }

    private static Extension registrationDetails(PatientEntity entity) {
        Extension details = new Extension(FhirProfiles.EXT_REGISTRATION_DETAILS);
        Period period = new Period().setStartElement(date(entity.registrationStart));
        if (entity.registrationEnd != null) {
            period.setEndElement(date(entity.registrationEnd));
        }
        details.addExtension("registrationPeriod", period);
        details.addExtension("registrationType", new CodeableConcept().addCoding(new Coding(
                FhirProfiles.CS_REGISTRATION_TYPE, entity.registrationType, REGISTRATION_TYPES.get(entity.registrationType))));
        boolean active = "active".equals(entity.registrationStatus);
        details.addExtension("registrationStatus", new CodeableConcept().addCoding(new Coding(
                FhirProfiles.CS_REGISTRATION_STATUS, active ? "A" : "I", active ? "Active" : "Inactive")));
        if (entity.preferredBranchId != null) {
            details.addExtension("preferredBranchSurgery", DataTypes.reference("Location", entity.preferredBranchId));
        }
        return details;
    }

    /** A day, without time or zone (foundations.md §4: dates carry no time zone). */
    private static DateTimeType date(LocalDate day) {
        return new DateTimeType(day.toString());
    }
}
