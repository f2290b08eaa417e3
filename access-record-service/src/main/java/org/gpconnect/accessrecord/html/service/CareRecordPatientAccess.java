package org.gpconnect.accessrecord.html.service;

import java.time.LocalDate;
import java.util.Optional;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * Whether a patient's care record may be shared as HTML (access-record-html.md §2). Unknown, NHS number not
 * verified, sensitive, not registered here as a regular (GMS) patient (an inactive registration included),
 * not on Spine/PDS, or deceased longer ago than the permitted access period: all the same 404
 * {@code PATIENT_NOT_FOUND}, so the answer never reveals which (security-and-audit.md P5). Only then dissent,
 * 403 {@code NO_PATIENT_CONSENT}, whatever the section. Unlike Access Record Structured, a patient who died
 * within the period is served (the Patient then carries {@code deceasedDateTime}), and a patient PDS does not
 * know is not.
 */
public final class CareRecordPatientAccess {

    static final String REGULAR = "R";

    private CareRecordPatientAccess() {
    }

    public static RecordPatient require(Optional<RecordPatient> found, LocalDate today, int deceasedAccessDays) {
        RecordPatient patient = found.orElseThrow(CareRecordPatientAccess::notFound);
        if (patient.sensitive()
                || !patient.nhsNumberVerified()
                || !patient.registrationActive()
                || !REGULAR.equals(patient.registrationType())
                || !patient.onSpine()
                || patient.deceasedDate() != null && today.isAfter(patient.deceasedDate().plusDays(deceasedAccessDays))) {
            throw notFound();
        }
        if (!patient.consentToShare()) {
            throw new GpConnectException(SpineCode.NO_PATIENT_CONSENT, "The patient has dissented from sharing their record");
        }
        return patient;
    }

    private static GpConnectException notFound() {
        return new GpConnectException(SpineCode.PATIENT_NOT_FOUND, "No patient was found for the NHS number given");
    }
}
