package org.gpconnect.appointment.admin;

/** A PATCH of the switches: the ones given are set, the others left as they are. */
public record SwitchesUpdate(Boolean gpConnect, Boolean appointmentManagement) {
}
