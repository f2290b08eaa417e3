package org.gpconnect.appointment.foundations.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.gpconnect.appointment.foundations.LocationEntity;

/** Locations (sites) of the shared reference data. */
@ApplicationScoped
public class LocationRepository implements PanacheRepositoryBase<LocationEntity, String> {

    @WithSession
    public Uni<LocationEntity> findByLogicalId(String id) {
        return findById(id);
    }

    /** The locations with these logical ids (unknown ids are skipped), in one query. */
    @WithSession
    public Uni<List<LocationEntity>> findByLogicalIds(Collection<String> ids) {
        return list("id in ?1", ids);
    }
}
