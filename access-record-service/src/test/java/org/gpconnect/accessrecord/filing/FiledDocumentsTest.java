package org.gpconnect.accessrecord.filing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gpconnect.common.event.DocumentEventV1;
import org.gpconnect.testsupport.KafkaResource;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.ListResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Filed documents reach the record (issue 7 item 5; access-record-structured.md §6 "data not yet filed is
 * never returned", §8 DocumentReference metadata only): send-document-service's FILED events on real Kafka
 * become a consultation with the document; redeliveries change nothing; RECEIVED/REJECTED change nothing;
 * poison goes to {@code gpconnect.documents.v1.dlq} and consumption continues; a database failure is retried,
 * in order; the probes (readiness covers Kafka, liveness does not depend on the consumer).
 * Uses patient7 (Mina BAILEY), whose record holds no consultation of its own.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FiledDocumentsTest {

    static final String TOPIC = DocumentEventV1.TOPIC;
    static final String DLQ = "gpconnect.documents.v1.dlq";
    static final String PATIENT7 = "9690937391";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @AfterEach
    void cleanUp() {
        update(pool, "DELETE FROM processed_document_event WHERE document_id LIKE 'test-%'");
        update(pool, "DELETE FROM consultation_item WHERE section_id IN (SELECT s.id FROM consultation_section s "
                + "JOIN encounter e ON e.id = s.encounter_id WHERE e.patient_id = '7')");
        update(pool, "DELETE FROM consultation_section WHERE encounter_id IN (SELECT id FROM encounter WHERE patient_id = '7')");
        update(pool, "DELETE FROM document_reference WHERE patient_id = '7'");
        update(pool, "DELETE FROM encounter WHERE patient_id = '7'");
    }

    @Test
    @Order(1)
    void aFiledDocumentBecomesAConsultationWithItsDocumentOnceEvenWhenDeliveredTwice() throws Exception {
        DocumentEventV1 event = filed("test-doc-1", null, "inbox-clerk");
        String payload = json.writeValueAsString(event);
        send("test-doc-1", payload);
        send("test-doc-1", payload); // at-least-once: the same event again
        awaitProcessed(event.eventId());
        // a later event with the same key: once it is processed, the redelivery has been too (one partition, in order)
        DocumentEventV1 marker = filed("test-doc-marker", null, "G13579135");
        send("test-doc-1", json.writeValueAsString(marker));
        awaitProcessed(marker.eventId());

        assertThat(count("SELECT count(*) FROM processed_document_event WHERE event_id = $1", event.eventId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM document_reference WHERE source_document_id = 'test-doc-1'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM encounter WHERE patient_id = '7'")).isEqualTo(2);

        // the next structured record with includeConsultations shows it
        Bundle bundle = record(parameters(nhsNumber(PATIENT7), param("includeConsultations")));
        assertThat(list(bundle, "List of consultations").getEntry()).hasSize(2);
        Map<String, Encounter> encounters = new HashMap<>();
        all(bundle, DocumentReference.class).forEach(d -> encounters.put(d.getDescription(),
                all(bundle, Encounter.class).stream().filter(e -> ("Encounter/" + e.getIdElement().getIdPart())
                        .equals(d.getContext().getEncounter().getReference())).findFirst().orElseThrow()));
        DocumentReference report = all(bundle, DocumentReference.class).stream()
                .filter(d -> d.getDescription().equals("Consultation report test-doc-1")).findFirst().orElseThrow();
        Encounter encounter = encounters.get("Consultation report test-doc-1");
        assertThat(encounter.getTypeFirstRep().getText()).isEqualTo("Document received");
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-11-02T09:15:00+00:00");
        assertThat(encounter.getServiceProvider().getReference()).isEqualTo("Organization/1");
        // who filed it: no practitioner of this record has that id, so the name only
        assertThat(encounter.getParticipantFirstRep().getIndividual().getDisplay()).isEqualTo("inbox-clerk");
        // filed by practitioner1 (SDS user id G13579135): a reference
        assertThat(encounters.get("Consultation report test-doc-marker").getParticipantFirstRep().getIndividual().getReference())
                .isEqualTo("Practitioner/1");

        // §8: metadata only
        assertThat(report.getStatus().toCode()).isEqualTo("current");
        assertThat(report.getType().getCodingFirstRep().getCode()).isEqualTo("371531000");
        assertThat(report.getType().getText()).isEqualTo("Report of clinical encounter");
        assertThat(report.getCreatedElement().getValueAsString()).isEqualTo("2024-11-02T09:15:00+00:00");
        assertThat(report.hasIndexed()).isTrue();
        assertThat(report.getAuthorFirstRep().getIdentifier().getValue()).isEqualTo("Y12345");
        assertThat(report.getCustodian().getReference()).isEqualTo("Organization/1");
        assertThat(report.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
        assertThat(report.getContentFirstRep().getAttachment().getSize()).isEqualTo(48213);
        assertThat(report.getContentFirstRep().getAttachment().hasData() || report.getContentFirstRep().getAttachment().hasUrl()).isFalse();
        // the topic is named after the document and holds it
        ListResource topic = all(bundle, ListResource.class).stream()
                .filter(l -> "25851000000105".equals(l.getCode().getCodingFirstRep().getCode())
                        && "Consultation report test-doc-1".equals(l.getTitle())).findFirst().orElseThrow();
        assertThat(topic.getEntry()).extracting(e -> e.getItem().getReference())
                .containsExactly("DocumentReference/" + report.getIdElement().getIdPart());
        assertThat(list(bundle, "Consultations - documents contained in consultations").getEntry()).hasSize(2);
    }

    @Test
    @Order(2)
    void receivedAndRejectedEventsChangeNothing() throws Exception {
        DocumentEventV1 received = event(DocumentEventV1.Kind.RECEIVED, "test-doc-r", null, null);
        DocumentEventV1 rejected = event(DocumentEventV1.Kind.REJECTED, "test-doc-r", null, null);
        send("test-doc-r", json.writeValueAsString(received));
        send("test-doc-r", json.writeValueAsString(rejected));
        DocumentEventV1 marker = filed("test-doc-after-r", null, null);
        send("test-doc-r", json.writeValueAsString(marker));
        awaitProcessed(marker.eventId());
        assertThat(count("SELECT count(*) FROM document_reference WHERE source_document_id = 'test-doc-r'")).isZero();
        assertThat(count("SELECT count(*) FROM processed_document_event WHERE document_id = 'test-doc-r'")).isZero();
        assertThat(count("SELECT count(*) FROM encounter WHERE patient_id = '7'")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void poisonGoesToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        String garbage = "this is not a document event " + marker;
        String incomplete = "{\"eventId\":\"" + marker + "\",\"kind\":\"FILED\",\"documentId\":\"test-doc-p\"}";
        DocumentEventV1 unknownPatient = withPatient(filed("test-doc-unknown-" + marker, null, null), "9999999999");
        send("test-doc-p", garbage);
        send("test-doc-p", incomplete);
        send("test-doc-p", json.writeValueAsString(unknownPatient));
        DocumentEventV1 good = filed("test-doc-after-poison", null, null);
        send("test-doc-p", json.writeValueAsString(good));
        awaitProcessed(good.eventId());
        assertThat(count("SELECT count(*) FROM document_reference WHERE source_document_id = 'test-doc-after-poison'")).isEqualTo(1);
        // nothing half-written for the patient the record does not hold (the transaction rolled back)
        assertThat(count("SELECT count(*) FROM processed_document_event WHERE event_id = $1", unknownPatient.eventId())).isZero();

        Map<String, ConsumerRecord<String, String>> dead = deadLetters(Set.of(garbage, incomplete, json.writeValueAsString(unknownPatient)));
        assertThat(dead).hasSize(3);
        dead.values().forEach(r -> {
            Header reason = r.headers().lastHeader("dead-letter-reason");
            assertThat(reason).as("dead-letter-reason of " + r.value()).isNotNull();
            assertThat(r.key()).isEqualTo("test-doc-p");
        });
        assertThat(new String(dead.get(garbage).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("Unreadable document event");
    }

    @Test
    @Order(4)
    void aDatabaseFailureIsRetriedNotDeadLettered() throws Exception {
        // the first two attempts to write patient7's encounter fail as a serialization failure (transient)
        update(pool, "CREATE SEQUENCE test_encounter_failures");
        update(pool, "CREATE FUNCTION test_fail_twice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.patient_id = '7' AND nextval('test_encounter_failures') <= 2 THEN "
                + "RAISE EXCEPTION 'test: database hiccup' USING ERRCODE = '40001'; END IF; RETURN NEW; END $$");
        update(pool, "CREATE TRIGGER test_fail_twice BEFORE INSERT ON encounter FOR EACH ROW EXECUTE FUNCTION test_fail_twice()");
        try {
            DocumentEventV1 event = filed("test-doc-retried", null, null);
            String payload = json.writeValueAsString(event);
            send("test-doc-retried", payload);
            awaitProcessed(event.eventId());
            assertThat(count("SELECT last_value FROM test_encounter_failures")).isGreaterThanOrEqualTo(3);
            assertThat(count("SELECT count(*) FROM document_reference WHERE source_document_id = 'test-doc-retried'")).isEqualTo(1);
            assertThat(deadLetters(Set.of(payload), Duration.ofSeconds(3))).isEmpty();
        } finally {
            update(pool, "DROP TRIGGER test_fail_twice ON encounter");
            update(pool, "DROP FUNCTION test_fail_twice()");
            update(pool, "DROP SEQUENCE test_encounter_failures");
        }
    }

    @Test
    @Order(5)
    void eventsAreAppliedInTheOrderTheyWerePublished() throws Exception {
        // one key, one partition: processed one after another, in publication order
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            DocumentEventV1 e = filed("test-doc-order-" + i, null, null);
            eventIds.add(e.eventId());
            send("test-doc-order", json.writeValueAsString(e));
        }
        awaitProcessed(eventIds.get(9));
        List<String> processed = new ArrayList<>();
        pool.preparedQuery("SELECT event_id FROM processed_document_event WHERE document_id LIKE 'test-doc-order-%' ORDER BY processed_at, event_id")
                .execute().await().atMost(WAIT).forEach(r -> processed.add(r.getString(0)));
        assertThat(processed).containsExactlyElementsOf(eventIds);
    }

    @Test
    @Order(6)
    void aReplacementSupersedesTheDocumentItReplacesWhicheverArrivesFirst() throws Exception {
        // send-document.md §5.4; the two documents have different keys, so no order between them is promised
        DocumentEventV1 a = filed("test-doc-a", null, null);
        DocumentEventV1 b = filed("test-doc-b", "test-doc-a", null);
        send("test-doc-a", json.writeValueAsString(a));
        awaitProcessed(a.eventId());
        send("test-doc-b", json.writeValueAsString(b));
        awaitProcessed(b.eventId());
        DocumentEventV1 d = filed("test-doc-d", "test-doc-c", null);
        DocumentEventV1 c = filed("test-doc-c", null, null);
        send("test-doc-d", json.writeValueAsString(d));
        awaitProcessed(d.eventId());
        send("test-doc-c", json.writeValueAsString(c));
        awaitProcessed(c.eventId());

        Bundle bundle = record(parameters(nhsNumber(PATIENT7), param("includeConsultations")));
        Map<String, String> status = new HashMap<>();
        all(bundle, DocumentReference.class).forEach(doc -> status.put(doc.getDescription(), doc.getStatus().toCode()));
        assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Consultation report test-doc-a", "superseded", "Consultation report test-doc-b", "current",
                "Consultation report test-doc-c", "superseded", "Consultation report test-doc-d", "current"));
    }

    @Test
    @Order(7)
    void readinessCoversKafkaAndLivenessDoesNotDependOnTheConsumer() {
        // SmallRye adds every channel to its liveness check; this one is configured out of it
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.documents",
                        org.hamcrest.Matchers.notNullValue());
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.findAll { it.name.startsWith('SmallRye Reactive Messaging') }.data.documents.findAll { it != null }",
                        org.hamcrest.Matchers.empty());

        KafkaResource.broker().stopBroker();
        try {
            // not ready: 503, or no answer in time (the Kafka client check waits for the cluster) — the same to a probe
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> readiness() != 200);
            // the broker is gone: not ready, but alive, at once (a restart would not bring Kafka back)
            for (int i = 0; i < 3; i++) {
                given().config(timeout(5)).when().get("/q/health/live").then().statusCode(200);
            }
        } finally {
            try {
                KafkaResource.broker().startBroker();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> readiness() == 200);
    }

    private static int readiness() {
        try {
            return given().config(timeout(15)).when().get("/q/health/ready").then().extract().statusCode();
        } catch (Exception e) {
            return -1; // no answer in time (a SocketTimeoutException, thrown undeclared)
        }
    }

    private static io.restassured.config.RestAssuredConfig timeout(int seconds) {
        return io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", seconds * 1000).setParam("http.connection.timeout", seconds * 1000));
    }

    @Test
    @Order(8)
    void consumptionResumesAfterTheBrokerCameBack() throws Exception {
        DocumentEventV1 event = filed("test-doc-after-outage", null, null);
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            send("test-doc-after-outage", json.writeValueAsString(event));
            return true;
        });
        awaitProcessed(event.eventId(), Duration.ofSeconds(120));
    }

    // ------------------------------------------------------------------ helpers

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static DocumentEventV1 filed(String documentId, String replaces, String filedBy) {
        return event(DocumentEventV1.Kind.FILED, documentId, replaces, filedBy);
    }

    static DocumentEventV1 event(DocumentEventV1.Kind kind, String documentId, String replaces, String filedBy) {
        return new DocumentEventV1(UUID.randomUUID().toString(), kind, Instant.now(), documentId, "B82617",
                "20241102091500123456_ABCDEF", UUID.randomUUID().toString(), "Y12345", "Y12345OT01", PATIENT7, "20013",
                kind == DocumentEventV1.Kind.REJECTED ? null : "30001", null,
                "Consultation report for MINA BAILEY seen at OUT OF HOURS SERVICE", "Consultation report " + documentId,
                "http://snomed.info/sct|371531000|Report of clinical encounter", Instant.parse("2024-11-02T09:15:00Z"), replaces,
                List.of(new DocumentEventV1.Attachment(UUID.randomUUID().toString(), "application/pdf", 48213, "ab".repeat(32), true)),
                kind == DocumentEventV1.Kind.FILED ? filedBy : null, UUID.randomUUID().toString());
    }

    static DocumentEventV1 withPatient(DocumentEventV1 e, String nhsNumber) {
        return new DocumentEventV1(e.eventId(), e.kind(), e.occurredAt(), e.documentId(), e.practiceOds(), e.meshMessageId(),
                e.itkTrackingId(), e.senderOds(), e.senderMailbox(), nhsNumber, e.infrastructureAckCode(), e.businessAckCode(),
                e.diagnostics(), e.subject(), e.title(), e.documentType(), e.documentDate(), e.replacesDocumentId(), e.attachments(),
                e.filedBy(), e.traceId());
    }

    static void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
    }

    private void awaitProcessed(String eventId) {
        awaitProcessed(eventId, WAIT);
    }

    private void awaitProcessed(String eventId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM processed_document_event WHERE event_id = $1", eventId) == 1);
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    private static Map<String, ConsumerRecord<String, String>> deadLetters(Set<String> values) {
        return deadLetters(values, WAIT);
    }

    /** The dead-letter records whose value is one of these, read from the start of the topic. */
    private static Map<String, ConsumerRecord<String, String>> deadLetters(Set<String> values, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-dlq-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end && found.size() < values.size()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (values.contains(r.value())) {
                        found.put(r.value(), r);
                    }
                }
            }
        }
        return found;
    }
}
