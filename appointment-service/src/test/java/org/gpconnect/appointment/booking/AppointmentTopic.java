package org.gpconnect.appointment.booking;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gpconnect.common.event.AppointmentEventV1;
import org.gpconnect.testsupport.KafkaResource;

/** Reads {@value AppointmentEventV1#TOPIC} from the real broker, from the beginning, with a fresh consumer group. */
final class AppointmentTopic {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AppointmentTopic() {
    }

    /** A record of the topic: its key, event type header and payload. */
    record Received(String key, String eventType, AppointmentEventV1 event) {
    }

    /**
     * The records that match, in topic order, once {@code expected} of them have arrived (or the time is up),
     * then after {@code settle} more of polling, so a duplicate arriving late is seen too.
     */
    static List<Received> read(Predicate<Received> wanted, int expected, Duration timeout, Duration settle) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "appointment-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Received> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(AppointmentEventV1.TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Received event = new Received(record.key(),
                            new String(record.headers().lastHeader("gpc-event-type").value(), StandardCharsets.UTF_8),
                            parse(record.value()));
                    if (wanted.test(event)) {
                        received.add(event);
                    }
                }
                if (received.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return received;
    }

    private static AppointmentEventV1 parse(String payload) {
        try {
            return JSON.readValue(payload, AppointmentEventV1.class);
        } catch (IOException e) {
            throw new IllegalStateException("not an AppointmentEventV1: " + payload, e);
        }
    }
}
