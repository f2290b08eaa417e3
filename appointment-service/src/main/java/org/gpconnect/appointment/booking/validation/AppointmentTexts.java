package org.gpconnect.appointment.booking.validation;

import org.hl7.fhir.dstu3.model.Appointment;

/**
 * The two free texts of an appointment (appointment-management.md §4.1, §6): a description of at most 100
 * characters, required, and an optional comment of at most 500. Both are stored and returned exactly as sent,
 * so a longer text is refused rather than truncated.
 */
final class AppointmentTexts {

    static final int DESCRIPTION_MAX = 100;
    static final int COMMENT_MAX = 500;

    private AppointmentTexts() {
    }

    /** The description, checked. */
    static String description(Appointment appointment) {
        String description = appointment.getDescription();
        if (description == null || description.isBlank()) {
            throw Invalid.resource("The appointment needs a description");
        }
        if (description.codePointCount(0, description.length()) > DESCRIPTION_MAX) {
            throw Invalid.resource("The appointment description is longer than " + DESCRIPTION_MAX + " characters");
        }
        return description;
    }

    /** The comment, checked, or null when there is none. */
    static String comment(Appointment appointment) {
        String comment = appointment.getComment();
        if (comment == null || comment.isEmpty()) {
            return null;
        }
        if (comment.codePointCount(0, comment.length()) > COMMENT_MAX) {
            throw Invalid.resource("The appointment comment is longer than " + COMMENT_MAX + " characters");
        }
        return comment;
    }
}
