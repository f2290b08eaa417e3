package org.gpconnect.appointment.booking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.booking.mapping.AppointmentEvents;
import org.gpconnect.appointment.booking.repository.AppointmentWrites;
import org.gpconnect.appointment.booking.validation.IfMatch;
import org.gpconnect.common.event.AppointmentEventV1;
import org.gpconnect.common.event.AppointmentEventV1.Kind;
import org.gpconnect.common.outbox.Outbox;

/**
 * Writes an amendment or a cancellation in one transaction: the appointment is updated only if it is still at
 * the version the change was checked against (else 409 FHIR_CONSTRAINT_VIOLATION and nothing is written), a
 * cancellation frees its slots, and who made the change and its event are written with it.
 */
@ApplicationScoped
public class ChangeTransaction {

    private final AppointmentWrites writes;
    private final Outbox outbox;

    public ChangeTransaction(AppointmentWrites writes, Outbox outbox) {
        this.writes = writes;
        this.outbox = outbox;
    }

    /** @param amended the appointment with its new description, comment, version and time */
    @WithTransaction
    public Uni<Void> amend(AppointmentEntity amended, int fromVersion, String patientNhsNumber, ChangeAuthor author) {
        return writes.amend(amended.id, fromVersion, amended.description, amended.comment, amended.lastUpdated)
                .chain(ChangeTransaction::requireOne)
                .chain(() -> recorded(Kind.AMENDED, amended, patientNhsNumber, author));
    }

    /** @param cancelled the appointment with its cancellation reason, new version and time */
    @WithTransaction
    public Uni<Void> cancel(AppointmentEntity cancelled, int fromVersion, String patientNhsNumber, ChangeAuthor author) {
        return writes.cancel(cancelled.id, fromVersion, cancelled.cancellationReason, cancelled.lastUpdated)
                .chain(ChangeTransaction::requireOne)
                .chain(() -> writes.releaseSlots(cancelled.id, cancelled.lastUpdated))
                .chain(() -> recorded(Kind.CANCELLED, cancelled, patientNhsNumber, author));
    }

    private Uni<Void> recorded(Kind kind, AppointmentEntity appointment, String patientNhsNumber, ChangeAuthor author) {
        return writes.recordProvenance(appointment.id, appointment.version, kind, author, appointment.lastUpdated)
                .chain(() -> outbox.append(AppointmentEventV1.TOPIC, appointment.id.toString(), kind.eventType(),
                        AppointmentEvents.of(kind, appointment, patientNhsNumber, author, appointment.lastUpdated)));
    }

    private static Uni<Void> requireOne(int updated) {
        return updated == 1 ? Uni.createFrom().voidItem() : Uni.createFrom().failure(IfMatch.changedMeanwhile());
    }
}
