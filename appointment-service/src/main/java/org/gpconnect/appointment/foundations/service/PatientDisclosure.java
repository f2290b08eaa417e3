package org.gpconnect.appointment.foundations.service;

import java.time.LocalDate;
import org.gpconnect.appointment.foundations.PatientEntity;

/**
 * Which patients Foundations may disclose (foundations.md §9.1, testdata patients.yaml): only an active
 * registration (status active and not past its end date, so an expired temporary registration counts as
 * left), not deceased, not PDS-sensitive, with a verified NHS number. Everything else is reported exactly
 * as if the patient did not exist: an empty searchset on search, 404 PATIENT_NOT_FOUND on read, so the
 * answer never reveals that a sensitive or deceased record is held.
 *
 * <p>Dissent from data sharing is deliberately not a rule here: it blocks clinical records, not
 * demographics. Not being on the Spine is not a rule either: the local record is still disclosed.
 * An unverified NHS number should trigger a PDS trace at search time; the service traces on PDS only when it
 * registers a patient ({@code $gpc.registerpatient}, which stores the number as verified), so an unverified
 * record stays undisclosed until it is verified.
 */
public final class PatientDisclosure {

    private PatientDisclosure() {
    }

    /** @param today the practice's local date, against which registration end dates are judged */
    public static boolean disclosable(PatientEntity patient, LocalDate today) {
        return "active".equals(patient.registrationStatus)
                && (patient.registrationEnd == null || !patient.registrationEnd.isBefore(today))
                && patient.deceasedDate == null
                && !patient.sensitive
                && patient.nhsNumberVerified;
    }
}
