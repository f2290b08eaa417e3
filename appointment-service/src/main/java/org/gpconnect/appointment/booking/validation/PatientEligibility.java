package org.gpconnect.appointment.booking.validation;

import java.time.LocalDate;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.appointment.foundations.service.PatientDisclosure;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * Which patients Appointment Management serves (appointment-management.md §4.4, §10). Sensitive (S-flagged)
 * patients are treated as not found: 404 PATIENT_NOT_FOUND. The same goes for every patient Foundations does not
 * disclose ({@link PatientDisclosure}: deceased, registration ended, NHS number unverified), whom a consumer can
 * never have found. Dissent from record sharing is not applied: appointments are administrative (§10).
 */
public final class PatientEligibility {

    private PatientEligibility() {
    }

    /**
     * The patient a booking names: unknown is a bad reference in the body, 422 INVALID_RESOURCE (§4.4); known but
     * not served is 404 PATIENT_NOT_FOUND.
     */
    public static PatientEntity forBooking(PatientEntity patient, String requestedId, LocalDate today) {
        if (patient == null) {
            throw Invalid.resource("Patient/" + requestedId + " is not a patient of this practice");
        }
        return served(patient, requestedId, today);
    }

    /** The patient of a stored appointment, or of a search by patient: 404 PATIENT_NOT_FOUND unless served. */
    public static PatientEntity served(PatientEntity patient, String requestedId, LocalDate today) {
        if (patient == null || !PatientDisclosure.disclosable(patient, today)) {
            throw new GpConnectException(SpineCode.PATIENT_NOT_FOUND, "No patient with logical id " + requestedId + " was found");
        }
        return patient;
    }
}
