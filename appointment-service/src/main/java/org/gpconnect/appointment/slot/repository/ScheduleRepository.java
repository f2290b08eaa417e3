package org.gpconnect.appointment.slot.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.gpconnect.appointment.slot.ScheduleEntity;

/** Appointment schedules. */
@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<ScheduleEntity, String> {

    /** The schedules with these logical ids (unknown ids are skipped), in one query. */
    @WithSession
    public Uni<List<ScheduleEntity>> findByLogicalIds(Collection<String> ids) {
        return list("id in ?1", ids);
    }
}
