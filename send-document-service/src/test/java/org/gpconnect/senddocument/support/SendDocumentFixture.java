package org.gpconnect.senddocument.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gpconnect.common.event.DocumentEventV1;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.meshdouble.MeshDouble;
import org.gpconnect.meshdouble.StoredMessage;
import org.gpconnect.senddocument.itk.ItkValidator;
import org.gpconnect.testsupport.KafkaResource;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.MessageHeader;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/** What the Send Document tests do again and again: send through the double, read acks, query the database. */
public final class SendDocumentFixture {

    private static final AtomicInteger SENDERS = new AtomicInteger();

    private SendDocumentFixture() {
    }

    public static MeshDouble mesh() {
        return MeshDoubleResource.mesh();
    }

    /** A fresh sender mailbox, so each test reads only its own acknowledgements. */
    public static String newSender() {
        String mailbox = "SND" + String.format("%05d", SENDERS.incrementAndGet()) + "OT";
        mesh().mailbox(mailbox, UUID.randomUUID().toString());
        return mailbox;
    }

    /** Puts the message into B82617's inbox from {@code sender}, with the MESH metadata of §2.2. */
    public static String send(String sender, ItkMessages message, byte[] body) {
        return mesh().deposit(MeshDouble.Deposit.to(MeshDoubleResource.PRACTICE_MAILBOX)
                .from(sender)
                .workflow(ItkValidator.WORKFLOW)
                .subject(message.subject())
                .localId(message.senderOds)
                .body(body, "application/fhir+xml"));
    }

    /** The ITK3 responses that reached the sender's inbox, oldest first. */
    public static List<Ack> acks(String sender) {
        List<Ack> acks = new ArrayList<>();
        for (StoredMessage m : mesh().inbox(sender)) {
            assertThat(m.workflowId()).isEqualTo(ItkValidator.ACK_WORKFLOW);
            String body = new String(m.body(), java.nio.charset.StandardCharsets.UTF_8);
            Bundle bundle = (Bundle) (body.trim().startsWith("{") ? FhirContexts.stu3().newJsonParser() : FhirContexts.stu3().newXmlParser())
                    .parseResource(body);
            MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
            OperationOutcome outcome = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast).findFirst().orElseThrow();
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
            acks.add(new Ack(issue.getDetails().getCodingFirstRep().getCode(), header.getResponse().getCode().toCode(),
                    header.getResponse().getIdentifier(), issue.getDiagnostics(), header.getEvent().getCode(), m.header("content-type")));
        }
        return acks;
    }

    /** One received ITK3 response. */
    public record Ack(String code, String responseCode, String respondsTo, String diagnostics, String event, String contentType) {
    }

    public static long count(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }

    public static Row row(Pool pool, String sql, Object... params) {
        var rows = pool.preparedQuery(sql).execute(Tuple.from(List.of(params))).await().atMost(Duration.ofSeconds(30));
        return rows.iterator().hasNext() ? rows.iterator().next() : null;
    }

    /** Document events with this key published on Kafka (reads the topic from the start). */
    public static List<ConsumerRecord<String, String>> events(String documentId, int expected, Duration within) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DocumentEventV1.TOPIC));
            long deadline = System.currentTimeMillis() + within.toMillis();
            while (received.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (documentId.equals(r.key())) {
                        received.add(r);
                    }
                });
            }
        }
        return received;
    }
}
