package org.gpconnect.appointment.admin;

import java.time.Instant;
import java.util.List;

/** An appointment in the practice's book, for the practice's own staff (every origin, every patient). */
public record BookedAppointmentView(long id, int version, String status, String origin, Instant start, Instant end,
                                   Patient patient, String scheduleId, String locationId, String practitionerId,
                                   String deliveryChannel, String serviceType, String serviceCategory, String description,
                                   String comment, List<Long> slotIds, BookingOrganisation bookingOrganisation,
                                   String cancellationReason, Instant created, Instant lastUpdated) {

    public record Patient(String id, String nhsNumber, String familyName, List<String> givenNames) {
    }

    /** The organisation that booked it, as the booking system sent it (GP Connect) or the practice itself. */
    public record BookingOrganisation(String odsCode, String name, String telecom, String type) {
    }
}
