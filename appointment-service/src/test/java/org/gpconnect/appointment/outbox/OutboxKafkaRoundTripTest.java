package org.gpconnect.appointment.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.gpconnect.common.outbox.Outbox;
import org.gpconnect.testsupport.KafkaResource;
import org.junit.jupiter.api.Test;

/**
 * An event written to the outbox in a database transaction reaches the real Kafka broker through the
 * relay, keyed and in order, and is then marked published.
 */
@QuarkusTest
class OutboxKafkaRoundTripTest {

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void committedEventsArePublishedInOrderWithTheirKey() {
        String topic = "gpconnect.roundtrip." + UUID.randomUUID();
        String key = "appointment-" + UUID.randomUUID();
        for (int version = 1; version <= 3; version++) {
            String payload = "{\"version\":" + version + "}";
            inTransaction(() -> outbox.append(topic, key, "test-event", payload));
        }

        List<ConsumerRecord<String, String>> received = consume(topic, 3);

        assertThat(received).extracting(ConsumerRecord::key).containsOnly(key);
        assertThat(received).extracting(ConsumerRecord::value)
                .containsExactly("{\"version\":1}", "{\"version\":2}", "{\"version\":3}");
        assertThat(new String(received.get(0).headers().lastHeader("gpc-event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("test-event");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                pool.query("SELECT count(*) FROM outbox_event WHERE topic = '" + topic + "' AND published_at IS NULL")
                        .execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0)).isZero());
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String topic = "gpconnect.rollback." + UUID.randomUUID();
        // the business change fails after its event was appended: the event must not survive
        assertThatThrownBy(() -> inTransaction(() -> outbox.append(topic, "k", "test-event", "{}")
                .chain(() -> Uni.createFrom().failure(new IllegalArgumentException("business rule failed")))))
                .hasRootCauseMessage("business rule failed");
        assertThat(pool.query("SELECT count(*) FROM outbox_event WHERE topic = '" + topic + "'")
                .execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0)).isZero();
    }

    private static void inTransaction(java.util.function.Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        return received;
    }
}
