package org.gpconnect.appointment.registration.service;

import org.gpconnect.appointment.pds.PdsLookup;
import org.gpconnect.appointment.pds.PdsPatient;
import org.gpconnect.appointment.registration.RegistrationRequest;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * What PDS must say before a patient is registered (foundations.md §9.2 "Provider flow" and its error table), in
 * this order:
 * <ol>
 *   <li>the number is on PDS: not found → 400 INVALID_PATIENT_DEMOGRAPHICS;</li>
 *   <li>the record is neither invalidated nor superseded (the answer's NHS number differs from the one asked for),
 *       and PDS accepts the number → 400 INVALID_NHS_NUMBER;</li>
 *   <li>not S-flagged (sensitive, security-and-audit.md P5) → 400 INVALID_PATIENT_DEMOGRAPHICS;</li>
 *   <li>not deceased on PDS → 400 INVALID_PATIENT_DEMOGRAPHICS;</li>
 *   <li>the demographics sent verify against PDS ({@link DemographicsVerification}) → else 400
 *       INVALID_PATIENT_DEMOGRAPHICS.</li>
 * </ol>
 * Diagnostics never repeat what PDS holds: a consumer learns that the demographics did not verify, not what they
 * should have been.
 */
public final class PdsChecks {

    private PdsChecks() {
    }

    /** The PDS record the registration may go ahead with, or the refusal. */
    public static PdsPatient admit(RegistrationRequest request, PdsLookup lookup) {
        if (lookup instanceof PdsLookup.NotFound) {
            throw demographics("The NHS number was not found on the Personal Demographics Service");
        }
        if (lookup instanceof PdsLookup.Invalidated) {
            throw nhsNumber("The NHS number's PDS record has been invalidated");
        }
        if (!(lookup instanceof PdsLookup.Found found)) {
            throw nhsNumber("The Personal Demographics Service does not accept the NHS number");
        }
        PdsPatient patient = found.patient();
        if (!request.nhsNumber().equals(patient.nhsNumber())) {
            throw nhsNumber("The NHS number has been superseded on the Personal Demographics Service");
        }
        if (patient.sensitive()) {
            throw demographics("The patient cannot be registered through GP Connect");
        }
        if (patient.deceased()) {
            throw demographics("The Personal Demographics Service records the patient as deceased");
        }
        if (!DemographicsVerification.verified(request.familyName(), request.givenNames(), request.birthDate(),
                patient.familyName(), patient.givenNames(), patient.birthDate())) {
            throw demographics("The demographics sent do not verify against the Personal Demographics Service "
                    + "(date of birth, family name and given name)");
        }
        return patient;
    }

    private static GpConnectException demographics(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_PATIENT_DEMOGRAPHICS, diagnostics);
    }

    private static GpConnectException nhsNumber(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_NHS_NUMBER, diagnostics);
    }
}
