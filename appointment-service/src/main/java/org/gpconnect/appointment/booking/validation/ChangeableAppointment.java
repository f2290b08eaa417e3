package org.gpconnect.appointment.booking.validation;

import java.time.Instant;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.DeliveryChannels;

/**
 * Which stored appointments GP Connect may amend or cancel (appointment-management.md §6, §7, §9, §10): any
 * organisation may change any booked appointment of the practice, whoever booked it, as long as it has not been
 * cancelled, has not started, and is not a visit. Each refusal is 422 INVALID_RESOURCE.
 */
public final class ChangeableAppointment {

    private ChangeableAppointment() {
    }

    public static void check(AppointmentEntity appointment, Instant now) {
        if ("cancelled".equals(appointment.status)) {
            throw Invalid.resource("Appointment/" + appointment.id + " has been cancelled and cannot be changed");
        }
        if (!"booked".equals(appointment.status)) {
            throw Invalid.resource("Appointment/" + appointment.id + " is " + appointment.status + " and cannot be changed");
        }
        if (!appointment.start.isAfter(now)) {
            throw Invalid.resource("Appointment/" + appointment.id + " is in the past and cannot be changed");
        }
        if (!DeliveryChannels.isCoded(appointment.deliveryChannel)) {
            throw Invalid.resource("Appointment/" + appointment.id + " is a visit, which cannot be changed through GP Connect");
        }
    }
}
