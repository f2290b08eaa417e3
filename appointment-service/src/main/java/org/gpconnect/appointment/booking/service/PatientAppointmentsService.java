package org.gpconnect.appointment.booking.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.repository.AppointmentRepository;
import org.gpconnect.appointment.booking.validation.PatientEligibility;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.appointment.foundations.repository.PatientRepository;
import org.gpconnect.appointment.practice.Practice;

/**
 * Retrieve a patient's appointments (appointment-management.md §8): every appointment of the patient at the
 * practice whose start date (practice time zone) is in the range, whatever its status (cancelled included),
 * booking organisation, origin or delivery channel, in start order. An unknown or unserved patient is 404
 * PATIENT_NOT_FOUND.
 */
@ApplicationScoped
public class PatientAppointmentsService {

    private final PatientRepository patients;
    private final AppointmentRepository appointments;

    public PatientAppointmentsService(PatientRepository patients, AppointmentRepository appointments) {
        this.patients = patients;
        this.appointments = appointments;
    }

    /** @param from first day, @param to last day (both included) */
    public Uni<PatientAppointments> search(Practice practice, String patientId, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of(practice.timeZone);
        return patients.findByLogicalId(practice.odsCode, patientId)
                .map(found -> PatientEligibility.served(found, patientId, LocalDate.now(zone)))
                .chain(patient -> appointments.findForPatient(practice.odsCode, patientId,
                                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
                        .map(found -> new PatientAppointments(patient, found)));
    }

    public record PatientAppointments(PatientEntity patient, List<AppointmentEntity> appointments) {
    }
}
