package org.gpconnect.common.fhir.careconnect;

import java.time.LocalDate;
import java.util.List;

/**
 * What a provider holds about a patient that a CareConnect-GPC-Patient-1 shows (foundations.md §9.1),
 * independent of how a service stores it.
 *
 * @param id                     logical id of the Patient
 * @param versionId              {@code meta.versionId}, or null to leave it out
 * @param nhsNumber              the verified NHS number (unverified numbers are never disclosed)
 * @param title                  name prefix, or null
 * @param givenNames             given names in order
 * @param familyName             official family name
 * @param birthDate              date of birth
 * @param gender                 FHIR AdministrativeGender code, or null when not recorded
 * @param addressLines           home address lines
 * @param postalCode             home postcode, or null
 * @param telecoms               phone numbers and e-mail addresses in the practice's order
 * @param registration           the registration at the practice
 * @param generalPractitionerId  logical id of the usual GP's Practitioner, or null
 * @param managingOrganizationId logical id of the Organization addressed by the request URL
 */
public record PatientDemographics(
        String id,
        String versionId,
        String nhsNumber,
        String title,
        List<String> givenNames,
        String familyName,
        LocalDate birthDate,
        String gender,
        List<String> addressLines,
        String postalCode,
        List<Telecom> telecoms,
        Registration registration,
        String generalPractitionerId,
        String managingOrganizationId) {

    /**
     * @param system FHIR ContactPointSystem code ({@code phone}, {@code email})
     * @param use    FHIR ContactPointUse code ({@code home}, {@code mobile}, ...), or null
     * @param value  the number or address
     */
    public record Telecom(String system, String use, String value) {
    }

    /**
     * @param start                    start of the registration period
     * @param end                      end of it (temporary registrations), or null when open
     * @param type                     CareConnect-RegistrationType-1 code (R, E, IN, T, P, O, S)
     * @param active                   whether the registration is active
     * @param preferredBranchSurgeryId logical id of the preferred branch Location, or null (a reference
     *                                 to it must resolve wherever the Patient is returned)
     */
    public record Registration(LocalDate start, LocalDate end, String type, boolean active, String preferredBranchSurgeryId) {
    }
}
