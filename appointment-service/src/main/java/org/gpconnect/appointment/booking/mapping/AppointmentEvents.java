package org.gpconnect.appointment.booking.mapping;

import java.time.Instant;
import java.util.UUID;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.common.event.AppointmentEventV1;
import org.gpconnect.common.event.AppointmentEventV1.BookingOrganization;
import org.gpconnect.common.event.AppointmentEventV1.Kind;

/**
 * The event that announces a change to an appointment on {@value AppointmentEventV1#TOPIC}: the appointment as
 * it is after the change (its new version), its patient and booking organisation, and the GP Connect request
 * that made it (none for a change made in the practice's own system).
 */
public final class AppointmentEvents {

    private AppointmentEvents() {
    }

    public static AppointmentEventV1 of(Kind kind, AppointmentEntity appointment, String patientNhsNumber, ChangeAuthor author,
                                        Instant occurredAt) {
        BookingOrganization bookedBy = appointment.bookingOrgOds == null ? null
                : new BookingOrganization(appointment.bookingOrgOds, appointment.bookingOrgName, appointment.bookingOrgTelecom);
        return new AppointmentEventV1(UUID.randomUUID().toString(), kind, occurredAt, appointment.id.toString(),
                appointment.version, appointment.practiceOds, appointment.slotIds.stream().map(String::valueOf).toList(),
                appointment.start, appointment.end, appointment.status, patientNhsNumber, bookedBy,
                author.traceId(), author.interactionId());
    }
}
