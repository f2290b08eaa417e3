package org.gpconnect.appointment.pds;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.gpconnect.appointment.config.AppointmentServiceConfig;
import org.gpconnect.appointment.pds.client.PdsClient;
import org.gpconnect.appointment.pds.client.PdsUnavailableException;
import org.jboss.logging.Logger;

/**
 * The PDS connection of this instance, built from {@code gpconnect.appointments.pds.*} at start-up: a bad setting
 * (https required but an http URL, no token file) stops start-up naming the property. Without a base URL the
 * service still starts, with a warning, and every retrieval fails as "PDS unavailable".
 */
@ApplicationScoped
public class Pds {

    private static final Logger LOG = Logger.getLogger(Pds.class);

    private final PdsClient client;

    public Pds(Vertx vertx, AppointmentServiceConfig config) {
        AppointmentServiceConfig.Pds pds = config.pds();
        if (pds.baseUrl().isEmpty()) {
            this.client = null;
            return;
        }
        this.client = new PdsClient(vertx, new PdsClient.Settings(pds.baseUrl().get(),
                pds.tokenFile().orElseThrow(() -> new IllegalStateException(
                        "gpconnect.appointments.pds.token-file (GPC_PDS_TOKEN_FILE) is required when the PDS base URL is set")),
                pds.tokenRefresh(), pds.connectTimeout(), pds.requestTimeout(), pds.maxAttempts(), pds.retryBackoff(),
                pds.tls().enabled(), pds.tls().caCertificate(), pds.tls().verifyHost()), Clock.systemDefaultZone());
    }

    void onStart(@Observes StartupEvent event) {
        if (client == null) {
            LOG.warn("gpconnect.appointments.pds.base-url (GPC_PDS_URL) is not set: register patient "
                    + "($gpc.registerpatient) will answer 500 until PDS is configured");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    /** The PDS record of this NHS number; fails with {@link PdsUnavailableException} when PDS gives no answer. */
    public Uni<PdsLookup> retrieve(String nhsNumber, String correlationId) {
        if (client == null) {
            return Uni.createFrom().failure(new PdsUnavailableException("PDS is not configured", false));
        }
        return client.retrieve(nhsNumber, correlationId);
    }
}
