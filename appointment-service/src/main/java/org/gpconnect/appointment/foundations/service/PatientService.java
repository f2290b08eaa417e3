package org.gpconnect.appointment.foundations.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.appointment.foundations.repository.PatientRepository;
import org.gpconnect.appointment.practice.Practice;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/** Finds and reads a practice's patients, disclosing only those {@link PatientDisclosure} allows. */
@ApplicationScoped
public class PatientService {

    private final PatientRepository patients;

    public PatientService(PatientRepository patients) {
        this.patients = patients;
    }

    /** The disclosable patient with this NHS number at the practice, if any (search: none is not an error). */
    public Uni<Optional<PatientEntity>> findByNhsNumber(Practice practice, String nhsNumber) {
        return patients.findByNhsNumber(practice.odsCode, nhsNumber)
                .map(patient -> Optional.ofNullable(patient).filter(p -> PatientDisclosure.disclosable(p, today(practice))));
    }

    /** The disclosable patient with this logical id, else 404 PATIENT_NOT_FOUND. */
    public Uni<PatientEntity> read(Practice practice, String id) {
        return patients.findByLogicalId(practice.odsCode, id)
                .map(patient -> patient != null && PatientDisclosure.disclosable(patient, today(practice)) ? patient : null)
                // same answer for "no such id" and "not disclosable": the outcome must not reveal which
                .onItem().ifNull().failWith(() -> new GpConnectException(SpineCode.PATIENT_NOT_FOUND,
                        "No patient with logical id " + id + " was found"));
    }

    private static LocalDate today(Practice practice) {
        return LocalDate.now(ZoneId.of(practice.timeZone));
    }
}
