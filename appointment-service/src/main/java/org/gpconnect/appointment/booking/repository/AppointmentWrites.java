package org.gpconnect.appointment.booking.repository;

import static org.gpconnect.appointment.booking.repository.NativeWrites.utc;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.common.event.AppointmentEventV1.Kind;

/**
 * Every change to the appointment book, as SQL the database itself decides on. Each method must run inside the
 * caller's transaction ({@code @WithTransaction}), with the outbox event appended in the same one, so a change
 * and its event are committed together or not at all.
 *
 * <ul>
 *   <li>Slots are taken by one conditional update that changes only slots still {@code free}: the caller compares
 *       the count with the slots it asked for, and a lost race changes nothing. The rows are locked in id order
 *       (the sub-select), so two bookings of overlapping slot sets cannot deadlock.
 *   <li>{@code appointment_slot} has a partial unique index on the slots still held: should any code path ever try
 *       to give a held slot to a second appointment, the insert fails and the transaction with it.
 *   <li>Amend and cancel update only the version they were checked against ({@code WHERE version = ?}): of two
 *       changes made on the same version, the second updates nothing and is refused.
 * </ul>
 */
@ApplicationScoped
public class AppointmentWrites {

    static final String TAKE_SLOTS = """
            UPDATE slot SET status = 'busy', version = version + 1
             WHERE status = 'free'
               AND id IN (SELECT id FROM slot WHERE id IN (:slots) AND status = 'free' ORDER BY id FOR UPDATE)
            """;

    static final String HOLD_SLOTS = """
            INSERT INTO appointment_slot (appointment_id, slot_id)
            SELECT :appointment, s.id FROM slot s WHERE s.id IN (:slots)
            """;

    static final String AMEND = """
            UPDATE appointment SET description = :description, comment = :comment, version = version + 1, last_updated = :at
             WHERE id = :id AND version = :version AND status = 'booked'
            """;

    static final String CANCEL = """
            UPDATE appointment SET status = 'cancelled', cancellation_reason = :reason, version = version + 1, last_updated = :at
             WHERE id = :id AND version = :version AND status = 'booked'
            """;

    static final String RELEASE_SLOTS = """
            WITH released AS (
                UPDATE appointment_slot SET released_at = :at
                 WHERE appointment_id = :appointment AND released_at IS NULL
                RETURNING slot_id)
            UPDATE slot SET status = 'free', version = version + 1
             WHERE id IN (SELECT slot_id FROM released) AND status = 'busy'
            """;

    static final String RECORD_PROVENANCE = """
            INSERT INTO appointment_provenance (appointment_id, version, activity, recorded_at, origin, interaction_id,
                   trace_id, consumer_asid, organization_ods, organization_name, practitioner_id, practitioner_sds_user_id,
                   practitioner_sds_role_profile_id, practitioner_name)
            VALUES (:appointment, :version, :activity, :at, :origin, :interaction, :trace, :asid, :orgOds, :orgName,
                    :practitioner, :sdsUser, :sdsRole, :practitionerName)
            """;

    private final NativeWrites db;

    public AppointmentWrites(NativeWrites db) {
        this.db = db;
    }

    /** Marks the slots busy if every one of them is still free; returns how many were taken. */
    public Uni<Integer> takeSlots(List<Long> slotIds) {
        return db.update(TAKE_SLOTS, query -> query.setParameter("slots", slotIds));
    }

    /** Inserts a new appointment (its version is 1), giving it its id. */
    public Uni<Void> insert(AppointmentEntity appointment) {
        return db.insert(appointment);
    }

    /** Records that the appointment holds its slots. */
    public Uni<Integer> holdSlots(AppointmentEntity appointment) {
        return db.update(HOLD_SLOTS, query -> query.setParameter("appointment", appointment.id).setParameter("slots", appointment.slotIds));
    }

    /** Amends the appointment if it is still at {@code version}; returns 1 if it was, else 0. */
    public Uni<Integer> amend(long id, int version, String description, String comment, Instant at) {
        return db.update(AMEND, query -> query.setParameter("description", description).setParameter("comment", comment)
                .setParameter("at", utc(at)).setParameter("id", id).setParameter("version", version));
    }

    /** Cancels the appointment if it is still at {@code version}; returns 1 if it was, else 0. */
    public Uni<Integer> cancel(long id, int version, String reason, Instant at) {
        return db.update(CANCEL, query -> query.setParameter("reason", reason).setParameter("at", utc(at))
                .setParameter("id", id).setParameter("version", version));
    }

    /** Lets the appointment's slots go: free again, each with a new version. Returns how many slots were freed. */
    public Uni<Integer> releaseSlots(long appointmentId, Instant at) {
        return db.update(RELEASE_SLOTS, query -> query.setParameter("at", utc(at)).setParameter("appointment", appointmentId));
    }

    /** Stores who made the change that produced this version (security-and-audit.md §3.3). */
    public Uni<Integer> recordProvenance(long appointmentId, int version, Kind activity, ChangeAuthor author, Instant at) {
        return db.recordProvenance(RECORD_PROVENANCE, version, activity.name().toLowerCase(Locale.ROOT), author, at,
                query -> query.setParameter("appointment", appointmentId).setParameter("origin", author.origin().code()));
    }
}
