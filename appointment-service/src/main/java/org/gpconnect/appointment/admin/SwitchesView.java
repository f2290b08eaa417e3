package org.gpconnect.appointment.admin;

/** A practice's GP Connect switches (foundations.md §6): GP Connect as a whole and Appointment Management. */
public record SwitchesView(String practice, boolean gpConnect, boolean appointmentManagement) {
}
