package org.gpconnect.appointment.practice;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * Resolves the practice a request addresses and applies its switches (foundations.md §6: GP Connect as a
 * whole and Appointment Management each switched on per practice, default off; switched off ⇒ 403
 * {@code ACCESS DENIED}). A practice this deployment does not serve is 404 ORGANISATION_NOT_FOUND.
 */
@ApplicationScoped
public class PracticeLookup {

    private final PracticeRepository practices;

    public PracticeLookup(PracticeRepository practices) {
        this.practices = practices;
    }

    /** The practice, whatever its switches (the CapabilityStatement is always answered, §8). */
    @WithSession
    public Uni<Practice> require(String odsCode) {
        return practices.findById(odsCode)
                .onItem().ifNull().failWith(() -> new GpConnectException(SpineCode.ORGANISATION_NOT_FOUND,
                        "This service does not serve an organisation with ODS code " + odsCode));
    }

    /** The practice, if GP Connect is switched on there (Foundations: patients, organisations, practitioners, locations). */
    public Uni<Practice> requireGpConnect(String odsCode) {
        return require(odsCode).invoke(practice -> {
            if (!practice.gpConnectEnabled) {
                throw new GpConnectException(SpineCode.ACCESS_DENIED, "GP Connect is switched off at practice " + odsCode);
            }
        });
    }

    /** The practice, if GP Connect and Appointment Management are both switched on there. */
    public Uni<Practice> requireAppointments(String odsCode) {
        return requireGpConnect(odsCode).invoke(practice -> {
            if (!practice.appointmentsEnabled) {
                throw new GpConnectException(SpineCode.ACCESS_DENIED,
                        "Appointment Management is switched off at practice " + odsCode);
            }
        });
    }
}
