package org.gpconnect.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.gpconnect.common.interaction.Interaction;

/**
 * Per-interaction request metrics: a count by outcome and a latency histogram (Prometheus, /q/metrics).
 * Tags are bounded: the interaction's name (or "unknown") and the status class.
 */
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Interaction interaction, int status, String outcome, long elapsedNanos) {
        String name = interaction == null ? "unknown" : interaction.name();
        registry.counter("gpconnect_gateway_requests", "interaction", name, "status", Integer.toString(status),
                "outcome", outcome == null ? "ok" : outcome).increment();
        Timer.builder("gpconnect_gateway_request_duration")
                .tag("interaction", name)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(Duration.ofNanos(elapsedNanos));
    }
}
