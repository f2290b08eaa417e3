package org.gpconnect.appointment.booking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * How the write repositories ({@link AppointmentWrites}, {@code RegistrationWrites}) reach the database: inserts and
 * native SQL in the caller's session, so inside its transaction ({@code @WithTransaction}), and the provenance row
 * each change stores with it (security-and-audit.md §3.3). Appointments and patients keep their provenance in tables
 * of their own, but with the same author columns: those are bound here, once.
 */
@ApplicationScoped
public class NativeWrites {

    /** Inserts a new entity now (persist and flush), so a constraint it breaks fails the caller's transaction. */
    public Uni<Void> insert(Object entity) {
        return Panache.getSession().chain(session -> session.persist(entity).chain(session::flush));
    }

    /** Runs {@code sql} with the parameters {@code bind} sets; returns how many rows it changed. */
    public Uni<Integer> update(String sql, UnaryOperator<Mutiny.Query<Object>> bind) {
        return Panache.getSession().chain(session -> bind.apply(session.createNativeQuery(sql)).executeUpdate());
    }

    /**
     * Inserts one provenance row: who made the change that produced {@code version} of a subject. {@code sql} takes
     * {@code :version}, {@code :activity}, {@code :at} and the author's {@code :interaction}, {@code :trace},
     * {@code :asid}, {@code :orgOds}, {@code :orgName}, {@code :practitioner}, {@code :sdsUser}, {@code :sdsRole} and
     * {@code :practitionerName}; {@code subject} binds the rest (the subject's id and the table's own columns).
     */
    public Uni<Integer> recordProvenance(String sql, int version, String activity, ChangeAuthor author, Instant at,
                                         UnaryOperator<Mutiny.Query<Object>> subject) {
        return update(sql, query -> subject.apply(query)
                .setParameter("version", version)
                .setParameter("activity", activity)
                .setParameter("at", utc(at))
                .setParameter("interaction", author.interactionId())
                .setParameter("trace", author.traceId())
                .setParameter("asid", author.consumerAsid())
                .setParameter("orgOds", author.organizationOds())
                .setParameter("orgName", author.organizationName())
                .setParameter("practitioner", author.practitionerId())
                .setParameter("sdsUser", author.practitionerSdsUserId())
                .setParameter("sdsRole", author.practitionerSdsRoleProfileId())
                .setParameter("practitionerName", author.practitionerName()));
    }

    /** An instant as the {@code timestamptz} parameter value the driver takes. */
    public static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
