package org.gpconnect.appointment.foundations.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.gpconnect.appointment.foundations.OrganizationEntity;

/** Organisations of the shared reference data. */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<OrganizationEntity, String> {

    /** Every organisation with this ODS code (not unique: the reference data holds two R1A14), by id. */
    @WithSession
    public Uni<List<OrganizationEntity>> findByOdsCode(String odsCode) {
        return list("odsCode", Sort.by("id"), odsCode);
    }

    @WithSession
    public Uni<OrganizationEntity> findByLogicalId(String id) {
        return findById(id);
    }

    /** The organisations with these logical ids (unknown ids are skipped), in one query. */
    @WithSession
    public Uni<List<OrganizationEntity>> findByLogicalIds(Collection<String> ids) {
        return list("id in ?1", ids);
    }
}
