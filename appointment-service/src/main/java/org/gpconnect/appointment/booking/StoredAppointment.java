package org.gpconnect.appointment.booking;

import org.gpconnect.appointment.foundations.PatientEntity;

/** An appointment as stored, with its patient (whose NHS number the events and the audit carry). */
public record StoredAppointment(AppointmentEntity appointment, PatientEntity patient) {
}
