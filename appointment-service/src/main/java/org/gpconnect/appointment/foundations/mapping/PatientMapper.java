package org.gpconnect.appointment.foundations.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.common.fhir.careconnect.CareConnectDataTypes;
import org.gpconnect.common.fhir.careconnect.CareConnectPatients;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.gpconnect.common.fhir.careconnect.PatientDemographics;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Address.AddressUse;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;

/**
 * A patient as a CareConnect-GPC-Patient-1 (foundations.md §9.1). The suite's {@link CareConnectPatients} builds
 * what every capability shows: the NHS number (with its verification status), the official name, birth date,
 * gender, telecoms, registration details, managing organisation and GP. Foundations adds what a registration
 * stores beyond that: the home address with its city, county and country, a temporary address and phone with
 * their end date, and the NHS communication.
 *
 * <p>Never populates what §9.1 forbids (marital status, multiple birth, ethnicity, religion, cadaveric donor,
 * residential status, treatment category, birth place), and never {@code deceased}, although the entity records a
 * {@link PatientEntity#deceasedDate}: deceased patients are not disclosed at all ({@code PatientDisclosure}), so
 * the date is deliberately not passed on (nor does {@link PatientDemographics} carry one).
 */
@ApplicationScoped
public class PatientMapper {

    /**
     * @param managingOrganizationId the Organization of the practice addressed by the request URL, which
     *                               is the managing organisation whatever practice the patient is registered at
     */
    public Patient toFhir(PatientEntity entity, String managingOrganizationId) {
        Patient patient = CareConnectPatients.toPatient(demographics(entity, managingOrganizationId));
        for (int i = 0; i < entity.telecoms.size(); i++) {
            LocalDate end = entity.telecoms.get(i).periodEnd;
            if (end != null) {
                patient.getTelecom().get(i).setPeriod(new Period().setEndElement(date(end)));
            }
        }
        Address home = CareConnectDataTypes.address(AddressUse.HOME, entity.addressLines, entity.addressCity,
                entity.addressDistrict, null, entity.postalCode, entity.addressCountry);
        if (home != null) {
            patient.addAddress(home);
        }
        Address temporary = CareConnectDataTypes.address(AddressUse.TEMP, entity.tempAddressLines, entity.tempAddressCity,
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
        return patient;
    }

    /**
     * What the shared mapper takes, without the home address: its record has only lines and postcode, where
     * Foundations stores the city, county and country too, so {@link #toFhir} builds the home address itself.
     */
    private static PatientDemographics demographics(PatientEntity entity, String managingOrganizationId) {
        return new PatientDemographics(entity.id, Integer.toString(entity.version), entity.nhsNumber, entity.title,
                entity.givenNames, entity.familyName, entity.birthDate, entity.gender, List.of(), null,
                entity.telecoms.stream().map(t -> new PatientDemographics.Telecom(t.system, t.use, t.value)).toList(),
                new PatientDemographics.Registration(entity.registrationStart, entity.registrationEnd,
                        entity.registrationType, "active".equals(entity.registrationStatus), entity.preferredBranchId),
                entity.generalPractitionerId, managingOrganizationId);
    }

    /** Extension-CareConnect-GPC-NHSCommunication-1: the language and whether an interpreter is needed. */
    private static Extension communication(PatientEntity entity) {
        Extension communication = new Extension(CareConnectProfiles.EXT_NHS_COMMUNICATION);
        communication.addExtension("language", new CodeableConcept().addCoding(new Coding(CareConnectProfiles.CS_HUMAN_LANGUAGE,
                entity.communicationLanguageCode, entity.communicationLanguageDisplay)));
        if (entity.interpreterRequired != null) {
            communication.addExtension("interpreterRequired", new BooleanType(entity.interpreterRequired));
        }
        return communication;
    }

    /** A day, without time or zone (foundations.md §4: dates carry no time zone). */
    private static DateTimeType date(LocalDate day) {
        return new DateTimeType(day.toString());
    }
}
