package org.gpconnect.appointment.pds;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What this service reads of a PDS record (an R4 Patient of the PDS FHIR API): enough to verify a consumer's
 * demographics (foundations.md §9.1), to refuse what §9.2 refuses, and to fill the gaps of a registration.
 *
 * @param nhsNumber      the record's NHS number (its logical id; differs from the one asked for when superseded)
 * @param versionId      {@code meta.versionId}, or null
 * @param securityCodes  {@code meta.security} confidentiality codes ({@code U}, {@code R}, {@code V})
 * @param title          first prefix of the current name, or null
 * @param givenNames     given names of the current name
 * @param familyName     family name of the current name, or null
 * @param gender         FHIR AdministrativeGender code, or null
 * @param birthDate      date of birth, or null when PDS holds none or only part of one
 * @param deceased       PDS records a death ({@code deceasedDateTime}, or {@code deceasedBoolean} true)
 * @param homeAddress    the current home address, or null
 * @param telecoms       current contact points
 * @param gpOds          ODS code of the registered GP practice, or null
 */
public record PdsPatient(String nhsNumber, String versionId, Set<String> securityCodes, String title, List<String> givenNames,
                         String familyName, String gender, LocalDate birthDate, boolean deceased, Address homeAddress,
                         List<Telecom> telecoms, String gpOds) {

    /** PDS's S-flag: confidentiality {@code R} (restricted) or {@code V} (very restricted). */
    public boolean sensitive() {
        return securityCodes.contains("R") || securityCodes.contains("V");
    }

    /** @param lines address lines (PDS puts town and county in lines too) */
    public record Address(List<String> lines, String city, String district, String postalCode) {
    }

    /** @param system FHIR ContactPoint system, {@code use} may be null */
    public record Telecom(String system, String use, String value) {
    }
}
