package org.gpconnect.appointment.foundations.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gpconnect.appointment.foundations.PatientEntity;

/**
 * A practice's patient index. Every lookup is scoped to one practice: patient data is per practice and a
 * request addressed to one practice must never see another's patients. Telecoms are fetched with the
 * patient (the mapping needs them).
 */
@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<PatientEntity, String> {

    private static final String WITH_TELECOMS = "select distinct p from PatientEntity p left join fetch p.telecoms"
            + " where p.practiceOds = ?1";

    /** The practice's patient with this NHS number, whatever its flags, or null. */
    @WithSession
    public Uni<PatientEntity> findByNhsNumber(String practiceOds, String nhsNumber) {
        return first(find(WITH_TELECOMS + " and p.nhsNumber = ?2", practiceOds, nhsNumber).list());
    }

    /** The practice's patient with this logical id, whatever its flags, or null. */
    @WithSession
    public Uni<PatientEntity> findByLogicalId(String practiceOds, String id) {
        return first(find(WITH_TELECOMS + " and p.id = ?2", practiceOds, id).list());
    }

    // not firstResult(): a row limit on a collection fetch would be applied in memory, with a warning
    private static Uni<PatientEntity> first(Uni<List<PatientEntity>> found) {
        return found.map(list -> list.isEmpty() ? null : list.get(0));
    }
}
