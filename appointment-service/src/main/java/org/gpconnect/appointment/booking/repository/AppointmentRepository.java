package org.gpconnect.appointment.booking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.gpconnect.appointment.booking.AppointmentEntity;

/**
 * A practice's appointment book, read. Every look-up is scoped to one practice: a request addressed to one
 * practice never sees another's appointments. Writes go through {@link AppointmentWrites}.
 */
@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<AppointmentEntity, Long> {

    /** The practice's appointment with this id, of any status and origin, or null. */
    @WithSession
    public Uni<AppointmentEntity> findInPractice(String practiceOds, long id) {
        return find("id = ?1 and practiceOds = ?2", id, practiceOds).firstResult();
    }

    /** The patient's appointments at the practice starting in [from, to), of any status and origin, by start. */
    @WithSession
    public Uni<List<AppointmentEntity>> findForPatient(String practiceOds, String patientId, Instant from, Instant to) {
        return find("practiceOds = ?1 and patientId = ?2 and start >= ?3 and start < ?4",
                Sort.by("start").and("id"), practiceOds, patientId, from, to).list();
    }
}
