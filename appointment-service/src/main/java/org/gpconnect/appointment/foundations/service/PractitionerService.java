package org.gpconnect.appointment.foundations.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gpconnect.appointment.foundations.PractitionerEntity;
import org.gpconnect.appointment.foundations.repository.PractitionerRepository;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/** Finds and reads practitioners (shared reference data, foundations.md §9.4). */
@ApplicationScoped
public class PractitionerService {

    private final PractitionerRepository practitioners;

    public PractitionerService(PractitionerRepository practitioners) {
        this.practitioners = practitioners;
    }

    public Uni<List<PractitionerEntity>> findBySdsUserId(String sdsUserId) {
        return practitioners.findBySdsUserId(sdsUserId);
    }

    /** The practitioner with this logical id, else 404 PRACTITIONER_NOT_FOUND. */
    public Uni<PractitionerEntity> read(String id) {
        return practitioners.findByLogicalId(id)
                .onItem().ifNull().failWith(() -> new GpConnectException(SpineCode.PRACTITIONER_NOT_FOUND,
                        "No practitioner with logical id " + id + " was found"));
    }
}
