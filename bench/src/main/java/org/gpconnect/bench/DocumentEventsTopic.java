package org.gpconnect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gpconnect.common.event.DocumentEventV1;

/**
 * Reads {@code gpconnect.documents.v1} from its end as it is when the bench starts (no consumer group: the
 * bench must not take events from, or commit offsets for, the services' own consumers) and notes RECEIVED,
 * REJECTED and FILED of the bench's reports.
 */
final class DocumentEventsTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;

    DocumentEventsTopic(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(DocumentEventV1.TOPIC).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the first report is sent
    }

    /** One poll: stamps the events of the reports it knows by tracking id, and (FILED) by document id. */
    void poll(Map<String, ReportTimeline> byTrackingId, Map<String, ReportTimeline> byDocumentId) throws Exception {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            long now = System.nanoTime();
            JsonNode event = JSON.readTree(record.value());
            String kind = event.path("kind").asText();
            ReportTimeline timeline = byTrackingId.get(event.path("itkTrackingId").asText());
            if (timeline == null) {
                timeline = byDocumentId.get(event.path("documentId").asText());
            }
            if (timeline == null) {
                continue; // someone else's document
            }
            switch (kind) {
                case "RECEIVED" -> {
                    timeline.receivedEvent = now;
                    timeline.documentId = event.path("documentId").asText();
                    byDocumentId.put(timeline.documentId, timeline);
                }
                case "REJECTED" -> timeline.fail("REJECTED: " + event.path("infrastructureAckCode").asText() + " "
                        + event.path("diagnostics").asText());
                case "FILED" -> timeline.filedEvent = now;
                default -> {
                    // a kind a later version may add
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
