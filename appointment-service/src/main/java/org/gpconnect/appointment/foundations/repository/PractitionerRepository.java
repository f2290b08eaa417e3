package org.gpconnect.appointment.foundations.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.gpconnect.appointment.foundations.PractitionerEntity;

/**
 * Practitioners of the shared reference data, always with their role profiles and languages: the mapping
 * needs both, and a lazy collection cannot be loaded once the reactive session is gone.
 */
@ApplicationScoped
public class PractitionerRepository implements PanacheRepositoryBase<PractitionerEntity, String> {

    private static final String WITH_DETAILS = "select distinct p from PractitionerEntity p"
            + " left join fetch p.roleProfileIds left join fetch p.languages";

    /** Every practitioner with this SDS user id (not unique in the reference data), by id. */
    @WithSession
    public Uni<List<PractitionerEntity>> findBySdsUserId(String sdsUserId) {
        return find(WITH_DETAILS + " where p.sdsUserId = ?1 order by p.id", sdsUserId).list();
    }

    @WithSession
    public Uni<PractitionerEntity> findByLogicalId(String id) {
        return find(WITH_DETAILS + " where p.id = ?1", id).<PractitionerEntity>list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The practitioners with these logical ids (unknown ids are skipped), in one query. */
    @WithSession
    public Uni<List<PractitionerEntity>> findByLogicalIds(Collection<String> ids) {
        return find(WITH_DETAILS + " where p.id in ?1", ids).list();
    }
}
