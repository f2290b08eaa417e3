package org.gpconnect.appointment.booking.validation;

import java.time.Instant;
import org.gpconnect.appointment.booking.NewAppointment;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;

/**
 * Reads a booking request's Appointment (appointment-management.md §4.1) into what it asks for, checking every
 * rule that needs nothing but the body itself; each failure is 422 INVALID_RESOURCE (§4.4). Whether the
 * patient, the slots and the schedule allow the booking is decided afterwards, against the database
 * ({@link SlotSetValidator}, {@link SlotAvailabilityValidator}, {@link ScheduleActorsValidator},
 * {@link PatientEligibility}).
 */
public final class BookingRequestReader {

    private BookingRequestReader() {
    }

    public static NewAppointment read(Appointment appointment) {
        if (!appointment.getMeta().hasProfile(FhirProfiles.APPOINTMENT)) {
            throw Invalid.resource("The Appointment must declare the profile " + FhirProfiles.APPOINTMENT + " in meta.profile");
        }
        ForbiddenElements.check(appointment);
        AppointmentExtensions.onlyKnown(appointment);
        if (!AppointmentExtensions.withUrl(appointment, FhirProfiles.EXT_CANCELLATION_REASON).isEmpty()) {
            throw Invalid.resource("A new appointment cannot have a cancellation reason");
        }
        // the consumer may echo the delivery channel and practitioner role it saw on the slot; the provider returns
        // its own values from the slot and schedule, so only their shape is checked here
        Extension channel = AppointmentExtensions.atMostOne(appointment, FhirProfiles.EXT_DELIVERY_CHANNEL);
        if (channel != null && !(channel.getValue() instanceof CodeType)) {
            throw Invalid.resource("The delivery channel extension needs a valueCode");
        }
        Extension role = AppointmentExtensions.atMostOne(appointment, FhirProfiles.EXT_PRACTITIONER_ROLE);
        if (role != null && !(role.getValue() instanceof CodeableConcept)) {
            throw Invalid.resource("The practitioner role extension needs a valueCodeableConcept");
        }
        if (!appointment.hasStatus()) {
            throw Invalid.resource("The appointment needs a status (booked)");
        }
        if (appointment.getStatus() != AppointmentStatus.BOOKED) {
            throw Invalid.resource("A new appointment must have the status booked, not " + appointment.getStatus().toCode());
        }
        if (!appointment.hasStart() || !appointment.hasEnd()) {
            throw Invalid.resource("The appointment needs a start and an end");
        }
        Instant start = appointment.getStart().toInstant();
        Instant end = appointment.getEnd().toInstant();
        if (!end.isAfter(start)) {
            throw Invalid.resource("The appointment must end after it starts");
        }
        var slots = SlotReferences.read(appointment);
        Participants participants = Participants.read(appointment);
        var bookingOrganisation = BookingOrganisationReader.read(appointment);
        String description = AppointmentTexts.description(appointment);
        String comment = AppointmentTexts.comment(appointment);
        var identifiers = BusinessIdentifiers.read(appointment);
        Instant created = appointment.hasCreated() ? appointment.getCreated().toInstant() : null;
        return new NewAppointment(participants.patientId(), participants.locationId(), participants.practitionerId(),
                slots, start, end, description, comment, created, identifiers, bookingOrganisation);
    }
}
