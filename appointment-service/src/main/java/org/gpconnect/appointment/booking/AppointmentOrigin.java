package org.gpconnect.appointment.booking;

/**
 * How an appointment got into the appointment book. Reads and searches return appointments of every origin
 * (appointment-management.md §5, §8); only GP Connect ones were booked through this API.
 */
public enum AppointmentOrigin {
    /** Booked by a consumer system through GP Connect. */
    GP_CONNECT("gp-connect"),
    /** Booked in the practice's own system (reception, clinician, demo seed data). */
    PRACTICE("practice");

    private final String code;

    AppointmentOrigin(String code) {
        this.code = code;
    }

    /** The value of the {@code origin} columns. */
    public String code() {
        return code;
    }
}
