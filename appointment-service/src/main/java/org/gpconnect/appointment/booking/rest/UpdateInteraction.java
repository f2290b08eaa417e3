package org.gpconnect.appointment.booking.rest;

import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.event.AppointmentEventV1.Kind;
import org.gpconnect.common.interaction.Interaction;

/**
 * Which change a {@code PUT /Appointment/{id}} is: amend and cancel share method and path and differ only in their
 * interaction ID (appointment-management.md §1), which the gateway has already matched to the request and put
 * in the internal token. The body never decides: a cancellation body sent as an amendment is an invalid
 * amendment, not a cancellation.
 */
final class UpdateInteraction {

    private UpdateInteraction() {
    }

    static Kind of(String interactionId) {
        if (Interaction.APPOINTMENT_AMEND.ids().contains(interactionId)) {
            return Kind.AMENDED;
        }
        if (Interaction.APPOINTMENT_CANCEL.ids().contains(interactionId)) {
            return Kind.CANCELLED;
        }
        throw GpConnectException.badRequest("PUT /Appointment/{id} is served for the interactions "
                + Interaction.APPOINTMENT_AMEND.id() + " and " + Interaction.APPOINTMENT_CANCEL.id() + " only");
    }
}
