package org.gpconnect.appointment.booking;

import java.time.Instant;
import java.util.List;

/**
 * What a valid booking request asks for (appointment-management.md §4.1), read from its Appointment before
 * anything is looked up: references are logical ids, slot ids in the order sent.
 *
 * @param practitionerId the Practitioner participant, or null when none was sent (it is optional)
 * @param created        Appointment.created as sent, or null
 * @param comment        null when none was sent
 */
public record NewAppointment(String patientId, String locationId, String practitionerId, List<Long> slotIds,
                             Instant start, Instant end, String description, String comment, Instant created,
                             List<BusinessIdentifier> identifiers, BookingOrganisation bookingOrganisation) {

    public NewAppointment {
        slotIds = List.copyOf(slotIds);
        identifiers = List.copyOf(identifiers);
    }

    /** An Appointment.identifier: both parts are mandatory when one is sent (§2). */
    public record BusinessIdentifier(String system, String value) {
    }
}
