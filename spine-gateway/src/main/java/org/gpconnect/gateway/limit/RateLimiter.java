package org.gpconnect.gateway.limit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.gateway.config.GatewayConfig;

/**
 * Request limits in fixed windows: one global limit for the gateway instance, and one per consumer ASID
 * and interaction (the per-consumer default, or the interaction's own setting). Counters are per gateway
 * replica: with N replicas behind a load balancer a consumer can reach up to N times the configured limit,
 * so set limits per replica (README "Rate limits"). Only accredited consumers get a counter, so unknown
 * ASIDs cannot grow the table.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig.RateLimits config;
    private final Clock clock;
    private final long windowMillis;
    private final FixedWindowCounter global = new FixedWindowCounter();
    private final Map<String, FixedWindowCounter> perConsumer = new ConcurrentHashMap<>();
    private final Map<Interaction, Integer> interactionLimits = new EnumMap<>(Interaction.class);

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(config.rateLimits(), Clock.systemUTC());
    }

    RateLimiter(GatewayConfig.RateLimits config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.windowMillis = config.window().toMillis();
        config.interactions().forEach((name, limit) -> {
            try {
                interactionLimits.put(Interaction.valueOf(name), limit);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("gpconnect.gateway.rate-limits.interactions." + name
                        + ": not an interaction name (e.g. SLOT_SEARCH, APPOINTMENT_CREATE)");
            }
        });
    }

    /** Counts a request against the global limit (before anything is known about who sent it). */
    public RateLimitDecision acquireGlobal() {
        if (!config.enabled()) {
            return RateLimitDecision.UNLIMITED;
        }
        return decide(global, config.global());
    }

    /** Counts a request of an accredited consumer against its limit for the interaction. */
    public RateLimitDecision acquire(String consumerAsid, Interaction interaction) {
        if (!config.enabled()) {
            return RateLimitDecision.UNLIMITED;
        }
        int limit = interactionLimits.getOrDefault(interaction, config.perConsumer());
        FixedWindowCounter counter = perConsumer.computeIfAbsent(consumerAsid + "|" + interaction.name(), k -> new FixedWindowCounter());
        return decide(counter, limit);
    }

    private RateLimitDecision decide(FixedWindowCounter counter, int limit) {
        long now = clock.millis();
        long windowIndex = now / windowMillis;
        long used = counter.increment(windowIndex);
        long reset = Math.max(1, ((windowIndex + 1) * windowMillis - now + 999) / 1000);
        if (used > limit) {
            counter.decrement(); // a refused request does not use up the next caller's allowance
            return new RateLimitDecision(false, limit, 0, reset);
        }
        return new RateLimitDecision(true, limit, limit - used, reset);
    }
}
