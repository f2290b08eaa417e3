package org.gpconnect.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.gpconnect.infra.KafkaServer;

/**
 * Starts a real Kafka broker (KRaft, in this JVM) for a Quarkus test run. Tests that take Kafka away use
 * {@link #broker()} to stop and start it.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaServer broker;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (broker == null) {
                broker = KafkaServer.start(0, null);
            }
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("could not start Kafka", e);
        }
    }

    public static synchronized KafkaServer broker() {
        return broker;
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            try {
                broker.close();
            } catch (Exception ignored) {
                // the JVM is ending; the temporary log directory goes with it
            }
            broker = null;
        }
    }
}
