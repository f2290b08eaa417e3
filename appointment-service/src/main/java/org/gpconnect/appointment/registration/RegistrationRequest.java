package org.gpconnect.appointment.registration;

import java.time.LocalDate;
import java.util.List;

/**
 * What a {@code $gpc.registerpatient} request asks for (foundations.md §9.2), read and checked by
 * {@code RegisterPatientRequestReader}: the demographics PDS traces the patient with, and the SHOULD/MAY elements
 * the temporary registration stores.
 *
 * @param nhsNumber     a well-formed NHS number (modulus 11 checked)
 * @param title         name prefix, or null
 * @param givenNames    given names of the official name (at least one)
 * @param familyName    family name of the official name
 * @param birthDate     date of birth
 * @param gender        FHIR AdministrativeGender code, or null (then PDS's)
 * @param homeAddress   the home address, or null (then PDS's)
 * @param tempAddress   the temporary address, or null
 * @param telecoms      phone numbers (home, work, mobile, temp: at most one each) and one e-mail address
 * @param communication the NHS communication (language and interpreter), or null
 */
public record RegistrationRequest(String nhsNumber, String title, List<String> givenNames, String familyName,
                                  LocalDate birthDate, String gender, Address homeAddress, Address tempAddress,
                                  List<Telecom> telecoms, Communication communication) {

    /** An address as sent: lines, city, district (county), postcode, country. */
    public record Address(List<String> lines, String city, String district, String postalCode, String country) {
    }

    /** A contact point: {@code phone} or {@code email}, its use (null allowed for e-mail) and value. */
    public record Telecom(String system, String use, String value) {

        public boolean temporary() {
            return "temp".equals(use);
        }
    }

    /**
     * @param languageCode      CareConnect-HumanLanguage-1 code
     * @param languageDisplay   its display, or null
     * @param interpreterRequired whether an interpreter is needed, or null when not said
     */
    public record Communication(String languageCode, String languageDisplay, Boolean interpreterRequired) {
    }
}
