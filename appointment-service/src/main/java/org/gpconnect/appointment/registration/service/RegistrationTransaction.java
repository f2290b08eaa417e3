package org.gpconnect.appointment.registration.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.appointment.registration.repository.RegistrationWrites;

/**
 * Writes a registration and its provenance in one transaction (foundations.md §9.2, security-and-audit.md §3.3):
 * either the patient and who registered them are both stored, or neither is.
 */
@ApplicationScoped
public class RegistrationTransaction {

    private final RegistrationWrites writes;

    public RegistrationTransaction(RegistrationWrites writes) {
        this.writes = writes;
    }

    /** A new temporary patient (version 1); a patient with the same NHS number committed first makes it fail (23505). */
    @WithTransaction
    public Uni<PatientEntity> create(PatientEntity patient, ChangeAuthor author, Instant at, String pdsVersionId) {
        return writes.insert(patient)
                .chain(() -> writes.recordProvenance(patient.id, patient.version, "registered", author, at, pdsVersionId))
                .replaceWith(patient);
    }

    /**
     * Re-activates an inactive (or lapsed) record as a temporary registration; {@code patient} carries the new state
     * and the version it was read at. Fails with {@link RegistrationConflicts#alreadyRegistered()} when someone else
     * changed or registered it meanwhile.
     */
    @WithTransaction
    public Uni<Void> reactivate(PatientEntity patient, LocalDate today, ChangeAuthor author, Instant at, String pdsVersionId) {
        return writes.reactivate(patient, today, at)
                .chain(updated -> updated == 1
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(RegistrationConflicts.alreadyRegistered()))
                .chain(() -> writes.replaceTelecoms(patient.id, patient.telecoms))
                .chain(() -> writes.recordProvenance(patient.id, patient.version + 1, "reactivated", author, at, pdsVersionId))
                .replaceWithVoid();
    }
}
