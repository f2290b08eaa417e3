package org.gpconnect.appointment.booking.validation;

import org.gpconnect.appointment.booking.BookingSlot;
import org.gpconnect.appointment.booking.NewAppointment;

/**
 * The Location and Practitioner participants of a booking must be those of the slots' schedule
 * (appointment-management.md §4.1, §4.4): the Location is where the appointment takes place, and the
 * Practitioner, when sent, the one the slots are with.
 */
public final class ScheduleActorsValidator {

    private ScheduleActorsValidator() {
    }

    public static void check(NewAppointment request, BookingSlot slot) {
        if (!request.locationId().equals(slot.locationId())) {
            throw Invalid.resource("Location/" + request.locationId() + " is not where the appointments of Slot/" + slot.id()
                    + " take place");
        }
        if (request.practitionerId() != null && !request.practitionerId().equals(slot.practitionerId())) {
            throw Invalid.resource("Practitioner/" + request.practitionerId() + " is not the practitioner of Slot/" + slot.id());
        }
    }
}
