package org.gpconnect.common.fhir.careconnect;

import java.util.Map;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Address.AddressUse;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.gpconnect.common.identifier.IdentifierSystems;

/**
 * A patient as a CareConnect-GPC-Patient-1 (foundations.md §9.1), the same for every capability that
 * returns one (Foundations read, Access Record Structured). Populates the NHS number with its verification
 * status, the one official name, birth date, gender, home address, telecoms, registration details, GP and
 * managing organisation. Never populates what §9.1 forbids (marital status, multiple birth, ethnicity,
 * religion, cadaveric donor, residential status, treatment category, birth place), nor {@code deceased}:
 * deceased patients are not disclosed at all.
 */
public final class CareConnectPatients {

    /** CareConnect-RegistrationType-1 displays (foundations.md §9.2). */
    private static final Map<String, String> REGISTRATION_TYPES = Map.of(
            "R", "Regular", "E", "Emergency", "IN", "Immediately necessary", "T", "Temporary",
            "P", "Private", "O", "Other", "S", "Synthetic Record");

    private CareConnectPatients() {
    }

    public static Patient toPatient(PatientDemographics d) {
        Patient patient = new Patient();
        patient.setId(d.id());
        patient.getMeta().addProfile(CareConnectProfiles.PATIENT);
        if (d.versionId() != null) {
            patient.getMeta().setVersionId(d.versionId());
        }
        patient.addExtension(registrationDetails(d.registration()));
        patient.addIdentifier(nhsNumber(d.nhsNumber()));
        patient.addName(CareConnectDataTypes.officialName(d.title(), d.givenNames(), d.familyName()));
        for (PatientDemographics.Telecom telecom : d.telecoms()) {
            patient.addTelecom(new ContactPoint()
                    .setSystem(ContactPointSystem.fromCode(telecom.system()))
                    .setValue(telecom.value())
                    .setUse(telecom.use() == null ? null : ContactPointUse.fromCode(telecom.use())));
        }
        if (d.gender() != null) {
            patient.setGender(AdministrativeGender.fromCode(d.gender()));
        }
        patient.setBirthDateElement(new DateType(d.birthDate().toString()));
        Address address = CareConnectDataTypes.address(AddressUse.HOME, d.addressLines(), null, null, null, d.postalCode(), null);
        if (address != null) {
            patient.addAddress(address);
        }
        if (d.generalPractitionerId() != null) {
            patient.addGeneralPractitioner(CareConnectDataTypes.reference("Practitioner", d.generalPractitionerId()));
        }
        patient.setManagingOrganization(CareConnectDataTypes.reference("Organization", d.managingOrganizationId()));
        return patient;
    }

    private static Identifier nhsNumber(String nhsNumber) {
        Identifier identifier = new Identifier().setSystem(IdentifierSystems.NHS_NUMBER).setValue(nhsNumber);
        // only verified numbers are disclosed, so the status is always 01
        identifier.addExtension(new Extension(CareConnectProfiles.EXT_NHS_NUMBER_VERIFICATION_STATUS, new CodeableConcept()
                .addCoding(new Coding(CareConnectProfiles.CS_NHS_NUMBER_VERIFICATION_STATUS, "01", "Number present and verified"))));
        return identifier;
    }

    private static Extension registrationDetails(PatientDemographics.Registration registration) {
        Extension details = new Extension(CareConnectProfiles.EXT_REGISTRATION_DETAILS);
        // a day without time or zone (foundations.md §4: dates carry no time zone)
        Period period = new Period().setStartElement(new DateTimeType(registration.start().toString()));
        if (registration.end() != null) {
            period.setEndElement(new DateTimeType(registration.end().toString()));
        }
        details.addExtension("registrationPeriod", period);
        details.addExtension("registrationType", new CodeableConcept().addCoding(new Coding(
                CareConnectProfiles.CS_REGISTRATION_TYPE, registration.type(), REGISTRATION_TYPES.get(registration.type()))));
        details.addExtension("registrationStatus", new CodeableConcept().addCoding(new Coding(
                CareConnectProfiles.CS_REGISTRATION_STATUS, registration.active() ? "A" : "I",
                registration.active() ? "Active" : "Inactive")));
        if (registration.preferredBranchSurgeryId() != null) {
            details.addExtension("preferredBranchSurgery",
                    CareConnectDataTypes.reference("Location", registration.preferredBranchSurgeryId()));
        }
        return details;
    }
}
