package org.gpconnect.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "gpconnect.outbox")
public interface OutboxConfig {

    /** Publish outbox events to Kafka from this instance (several replicas may: one relays at a time). */
    @WithDefault("true")
    boolean enabled();

    /** How often the outbox is polled for unpublished events. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Events published per poll at most. */
    @WithDefault("500")
    @Min(1)
    @Max(10000)
    int batchSize();

    /** How long one poll waits for Kafka to acknowledge its batch before giving up until the next poll. */
    @WithDefault("15s")
    Duration sendTimeout();
}
