package org.gpconnect.appointment.practice;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/** Resolves the practice a request addresses, or answers 404 when this deployment does not serve it. */
@ApplicationScoped
public class PracticeLookup {

    private final PracticeRepository practices;

    public PracticeLookup(PracticeRepository practices) {
        this.practices = practices;
    }

    @WithSession
    public Uni<Practice> require(String odsCode) {
        return practices.findById(odsCode)
                .onItem().ifNull().failWith(() -> new GpConnectException(SpineCode.ORGANISATION_NOT_FOUND,
                        "This service does not serve an organisation with ODS code " + odsCode));
    }
}
