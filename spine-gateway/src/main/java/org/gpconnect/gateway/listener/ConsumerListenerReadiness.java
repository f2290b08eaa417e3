package org.gpconnect.gateway.listener;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness includes the consumer listener: not yet listening, or draining for shutdown, is not ready. */
@Readiness
@ApplicationScoped
public class ConsumerListenerReadiness implements HealthCheck {

    private final ConsumerListener listener;

    public ConsumerListenerReadiness(ConsumerListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Consumer listener").status(listener.accepting())
                .withData("inFlight", listener.inFlight()).build();
    }
}
