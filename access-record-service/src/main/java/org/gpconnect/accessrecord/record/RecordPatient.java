package org.gpconnect.accessrecord.record;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient of a practice as the record service holds it: demographics, registration and the flags that
 * decide whether the record may be shared at all (access-record-structured.md §9).
 */
public record RecordPatient(
        String id,
        String nhsNumber,
        boolean nhsNumberVerified,
        String title,
        List<String> givenNames,
        String familyName,
        LocalDate birthDate,
        String gender,
        List<String> addressLines,
        String postalCode,
        String phoneHome,
        String phoneMobile,
        /** PDS S-flag or locally flagged sensitive. */
        boolean sensitive,
        LocalDate deceasedDate,
        /** False: the patient dissented from sharing (403 NO_PATIENT_CONSENT). */
        boolean consentToShare,
        /** GP2GP transfer from the previous practice not complete: data-in-transit on every list. */
        boolean recordInTransit,
        boolean registrationActive,
        /** CareConnect-RegistrationType-1 code; only R (regular/GMS) records are shared. */
        String registrationType,
        LocalDate registrationStart,
        String generalPractitionerId,
        /** False: PDS does not know the patient (Access Record HTML answers 404, access-record-html.md §2). */
        boolean onSpine) {
}
