package org.gpconnect.appointment.booking.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.gpconnect.appointment.booking.StoredAppointment;
import org.gpconnect.appointment.booking.validation.PatientEligibility;
import org.gpconnect.appointment.foundations.repository.PatientRepository;
import org.gpconnect.appointment.booking.repository.AppointmentRepository;
import org.gpconnect.appointment.practice.Practice;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * Read an appointment (appointment-management.md §5): any appointment of the practice, whoever booked it and
 * however it is delivered, provided its patient is one Appointment Management serves (§10) and it is not in the
 * past (today counts as future: §5 DECISION, judged in the practice's time zone).
 */
@ApplicationScoped
public class AppointmentReadService {

    // this provider's appointment ids are numbers; anything else names no appointment
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final AppointmentRepository appointments;
    private final PatientRepository patients;

    public AppointmentReadService(AppointmentRepository appointments, PatientRepository patients) {
        this.appointments = appointments;
        this.patients = patients;
    }

    /** A read: 404 NO_RECORD_FOUND, 404 PATIENT_NOT_FOUND, or 422 INVALID_RESOURCE for a past appointment. */
    public Uni<StoredAppointment> read(Practice practice, String id) {
        LocalDate today = LocalDate.now(ZoneId.of(practice.timeZone));
        return find(practice, id).invoke(stored -> {
            LocalDate day = stored.appointment().start.atZone(ZoneId.of(practice.timeZone)).toLocalDate();
            if (day.isBefore(today)) {
                throw GpConnectException.invalidResource("Appointment/" + id + " is in the past: only future appointments can be read");
            }
        });
    }

    /** The practice's appointment with its patient, past or not: 404 when either is not found. */
    public Uni<StoredAppointment> find(Practice practice, String id) {
        if (!ID.matcher(id).matches()) {
            return Uni.createFrom().failure(notFound(id));
        }
        LocalDate today = LocalDate.now(ZoneId.of(practice.timeZone));
        return appointments.findInPractice(practice.odsCode, Long.parseLong(id))
                .onItem().ifNull().failWith(() -> notFound(id))
                .chain(appointment -> patients.findByLogicalId(practice.odsCode, appointment.patientId)
                        .map(patient -> new StoredAppointment(appointment,
                                PatientEligibility.served(patient, appointment.patientId, today))));
    }

    private static GpConnectException notFound(String id) {
        return new GpConnectException(SpineCode.NO_RECORD_FOUND, "No appointment with logical id " + id + " was found");
    }
}
