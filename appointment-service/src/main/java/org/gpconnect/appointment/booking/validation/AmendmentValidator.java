package org.gpconnect.appointment.booking.validation;

import java.util.List;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;

/**
 * An amendment (appointment-management.md §6): the appointment as read, with at most its description
 * (at most 100 characters, still required) and comment (at most 500) changed. Everything else must be unchanged
 * ({@link UnchangedElements}); a cancellation reason or another status belongs to a cancellation. Each failure
 * is 422 INVALID_RESOURCE.
 */
public final class AmendmentValidator {

    private AmendmentValidator() {
    }

    /**
     * @param stored the appointment's current version, as a read returns it
     * @return the description and comment to store
     */
    public static Amendment check(Appointment submitted, Appointment stored) {
        AppointmentExtensions.onlyKnown(submitted);
        if (!AppointmentExtensions.withUrl(submitted, FhirProfiles.EXT_CANCELLATION_REASON).isEmpty()) {
            throw Invalid.resource("An amendment cannot carry a cancellation reason: cancel the appointment instead");
        }
        if (submitted.getStatus() != AppointmentStatus.BOOKED) {
            throw Invalid.resource("An amendment cannot change the appointment's status: only its description and comment");
        }
        String description = AppointmentTexts.description(submitted);
        String comment = AppointmentTexts.comment(submitted);
        Appointment expected = stored.copy();
        expected.setDescriptionElement(submitted.hasDescriptionElement() ? submitted.getDescriptionElement().copy() : null);
        expected.setCommentElement(submitted.hasCommentElement() ? submitted.getCommentElement().copy() : null);
        List<String> changed = UnchangedElements.differences(expected, submitted);
        if (!changed.isEmpty()) {
            throw Invalid.resource("Only the description and the comment of an appointment can be amended; this request"
                    + " also changes: " + String.join(", ", changed));
        }
        return new Amendment(description, comment);
    }

    /** What an amendment stores; the comment is null when it was removed. */
    public record Amendment(String description, String comment) {
    }
}
