package org.gpconnect.appointment.booking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.booking.mapping.AppointmentEvents;
import org.gpconnect.appointment.booking.repository.AppointmentWrites;
import org.gpconnect.common.event.AppointmentEventV1;
import org.gpconnect.common.event.AppointmentEventV1.Kind;
import org.gpconnect.common.outbox.Outbox;

/**
 * Books an appointment in one transaction of five statements (appointment-management.md §4.2: lock the slots,
 * create the appointment, mark the slots busy, atomically): take the slots (only if every one is still free),
 * insert the appointment, record that it holds them, record who booked it, append the BOOKED event to the outbox.
 * If any slot was taken meanwhile nothing is written and the answer is 409 DUPLICATE_REJECTED.
 */
@ApplicationScoped
public class BookingTransaction {

    private final AppointmentWrites writes;
    private final Outbox outbox;

    public BookingTransaction(AppointmentWrites writes, Outbox outbox) {
        this.writes = writes;
        this.outbox = outbox;
    }

    /** @param appointment a new appointment (version 1), given its id on success */
    @WithTransaction
    public Uni<AppointmentEntity> book(AppointmentEntity appointment, String patientNhsNumber, ChangeAuthor author) {
        return writes.takeSlots(appointment.slotIds).chain(taken -> taken == appointment.slotIds.size()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(SlotConflicts.slotTaken()))
                .chain(() -> writes.insert(appointment))
                .chain(() -> writes.holdSlots(appointment))
                .chain(() -> writes.recordProvenance(appointment.id, appointment.version, Kind.BOOKED, author, appointment.lastUpdated))
                .chain(() -> outbox.append(AppointmentEventV1.TOPIC, appointment.id.toString(), Kind.BOOKED.eventType(),
                        AppointmentEvents.of(Kind.BOOKED, appointment, patientNhsNumber, author, appointment.lastUpdated)))
                .replaceWith(appointment);
    }
}
