package org.gpconnect.accessrecord.structured.service;

import java.util.Optional;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * Whether a patient's record may be shared at all, checked in the order of access-record-structured.md
 * §9: not found, sensitive, deceased, inactive, not registered here as a regular (GMS) patient, or an
 * unverified NHS number are all the same 404 {@code PATIENT_NOT_FOUND} (the response must not reveal
 * which, security-and-audit.md P5); only then dissent, 403 {@code NO_PATIENT_CONSENT}, which consent at
 * the point of care cannot override (P4).
 */
public final class PatientAccess {

    static final String REGULAR = "R";

    private PatientAccess() {
    }

    public static RecordPatient require(Optional<RecordPatient> found) {
        RecordPatient patient = found.orElseThrow(PatientAccess::notFound);
        if (patient.sensitive()
                || patient.deceasedDate() != null
                || !patient.registrationActive()
                || !REGULAR.equals(patient.registrationType())
                || !patient.nhsNumberVerified()) {
            throw notFound();
        }
        if (!patient.consentToShare()) {
            throw new GpConnectException(SpineCode.NO_PATIENT_CONSENT,
                    "The patient has dissented from sharing their record");
        }
        return patient;
    }

    private static GpConnectException notFound() {
        return new GpConnectException(SpineCode.PATIENT_NOT_FOUND, "No patient was found for the NHS number given");
    }
}
