package org.gpconnect.appointment.booking.mapping;

import java.time.Instant;
import java.util.List;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.AppointmentOrigin;
import org.gpconnect.appointment.booking.BookingOrganisation;
import org.gpconnect.appointment.booking.BookingSlot;
import org.gpconnect.appointment.booking.NewAppointment;
import org.gpconnect.appointment.booking.NewAppointment.BusinessIdentifier;

/**
 * The row of a newly booked appointment (version 1): what was asked for, and what it is, copied from its slots
 * and their schedule (appointment-management.md §4.2, §4.3).
 */
public final class NewAppointments {

    private NewAppointments() {
    }

    /** A GP Connect booking that passed validation; {@code slots} in time order. */
    public static AppointmentEntity booked(String practiceOds, NewAppointment request, List<BookingSlot> slots, Instant now) {
        AppointmentEntity appointment = fromSlots(practiceOds, AppointmentOrigin.GP_CONNECT, request.patientId(), slots, now);
        appointment.description = request.description();
        appointment.comment = request.comment();
        appointment.created = request.created() != null ? request.created() : now;
        for (BusinessIdentifier identifier : request.identifiers()) {
            appointment.identifierSystems.add(identifier.system());
            appointment.identifierValues.add(identifier.value());
        }
        bookedBy(appointment, request.bookingOrganisation());
        return appointment;
    }

    /** An appointment the practice books itself (its demo seed data), into one slot. */
    public static AppointmentEntity bookedByPractice(String practiceOds, String patientId, BookingSlot slot, String description,
                                                     String comment, BookingOrganisation bookedBy, Instant now) {
        AppointmentEntity appointment = fromSlots(practiceOds, AppointmentOrigin.PRACTICE, patientId, List.of(slot), now);
        appointment.description = description;
        appointment.comment = comment;
        appointment.created = now;
        bookedBy(appointment, bookedBy);
        return appointment;
    }

    private static AppointmentEntity fromSlots(String practiceOds, AppointmentOrigin origin, String patientId,
                                               List<BookingSlot> slots, Instant now) {
        BookingSlot first = slots.get(0);
        AppointmentEntity appointment = new AppointmentEntity();
        appointment.practiceOds = practiceOds;
        appointment.origin = origin.code();
        appointment.status = "booked";
        appointment.patientId = patientId;
        appointment.scheduleId = first.scheduleId();
        appointment.locationId = first.locationId();
        appointment.practitionerId = first.practitionerId();
        appointment.practitionerRoleCode = first.practitionerRoleCode();
        appointment.practitionerRoleDisplay = first.practitionerRoleDisplay();
        appointment.deliveryChannel = first.deliveryChannel();
        appointment.serviceType = first.serviceType();
        appointment.serviceCategory = first.serviceCategory();
        appointment.start = first.start();
        appointment.end = slots.get(slots.size() - 1).end();
        appointment.slotIds.addAll(slots.stream().map(BookingSlot::id).toList());
        appointment.version = 1;
        appointment.lastUpdated = now;
        return appointment;
    }

    private static void bookedBy(AppointmentEntity appointment, BookingOrganisation organisation) {
        appointment.bookingOrgResource = organisation.resource();
        appointment.bookingOrgOds = organisation.odsCode();
        appointment.bookingOrgName = organisation.name();
        appointment.bookingOrgTelecom = organisation.telecom();
        appointment.bookingOrgType = organisation.type();
    }
}
