package org.gpconnect.senddocument.receive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.senddocument.support.SendDocumentFixture.acks;
import static org.gpconnect.senddocument.support.SendDocumentFixture.count;
import static org.gpconnect.senddocument.support.SendDocumentFixture.events;
import static org.gpconnect.senddocument.support.SendDocumentFixture.mesh;
import static org.gpconnect.senddocument.support.SendDocumentFixture.newSender;
import static org.gpconnect.senddocument.support.SendDocumentFixture.row;
import static org.gpconnect.senddocument.support.SendDocumentFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gpconnect.senddocument.support.ItkMessages;
import org.gpconnect.senddocument.support.SendDocumentFixture.Ack;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/**
 * The whole Send Document flow against the MESH double, real PostgreSQL and real Kafka (send-document.md
 * §1 steps 4-5, §4, §5): poll → store → infrastructure ack 20013 → business ack 30001 → RECEIVED event →
 * practice inbox item with the MESH subject → download → filed → FILED event.
 */
@QuarkusTest
class SendDocumentEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MailboxPoller poller;

    @Inject
    Pool pool;

    @Test
    void aConsultationReportIsStoredAcknowledgedAnnouncedAndFiled() throws Exception {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        String messageId = send(sender, report, report.xml());

        poller.pollAll("instance-a");

        // §4: infrastructure ack 20013 then business ack 30001, both ITK3 Responses (ITK008M) quoting the MessageHeader
        List<Ack> acks = acks(sender);
        assertThat(acks).extracting(Ack::code).containsExactly("20013", "30001");
        assertThat(acks).extracting(Ack::responseCode).containsOnly("ok");
        assertThat(acks).extracting(Ack::respondsTo).containsOnly(report.messageHeaderId);
        assertThat(acks).extracting(Ack::event).containsOnly("ITK008M");
        assertThat(acks).extracting(Ack::contentType).containsOnly("application/fhir+xml");
        // §2.1: acknowledged (removed from the inbox) once stored and answered
        assertThat(mesh().message(messageId).acknowledged()).isTrue();
        assertThat(mesh().acknowledgeCount(messageId)).isEqualTo(1);

        Row document = row(pool, "SELECT id::text, subject, patient_nhs_number, status, business_ack_code FROM document WHERE mesh_message_id = $1", messageId);
        String documentId = document.getString(0);
        assertThat(document.getString(1)).isEqualTo(report.subject());
        assertThat(document.getString(2)).isEqualTo("9690937286");
        assertThat(document.getString(4)).isEqualTo("30001");

        // §5.3: the inbox item's display text is the MESH subject; the attachment streams back unchanged
        String token = InternalTokens.operator("gp-system-1", Set.of("practice-inbox"));
        JsonNode items = JSON.readTree(given().auth().oauth2(token).get("/practice/B82617/inbox").then().statusCode(200)
                .extract().asString());
        JsonNode item = find(items, documentId);
        assertThat(item.path("displayText").asText()).isEqualTo(report.subject());
        assertThat(item.path("status").asText()).isEqualTo("PENDING");
        assertThat(item.path("document").path("patient").path("nhsNumber").asText()).isEqualTo("9690937286");
        JsonNode attachment = item.path("attachments").get(0);
        assertThat(attachment.path("primary").asBoolean()).isTrue();
        Response download = given().auth().oauth2(token).get(attachment.path("href").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.asByteArray()).isEqualTo(ItkMessages.PDF);

        List<ConsumerRecord<String, String>> received = events(documentId, 1, Duration.ofSeconds(30));
        assertThat(received).hasSize(1);
        JsonNode event = JSON.readTree(received.get(0).value());
        assertThat(event.path("kind").asText()).isEqualTo("RECEIVED");
        assertThat(event.path("meshMessageId").asText()).isEqualTo(messageId);
        assertThat(event.path("itkTrackingId").asText()).isEqualTo(report.trackingId);
        assertThat(event.path("senderOds").asText()).isEqualTo(ItkMessages.SENDER_ODS);
        assertThat(event.path("patientNhsNumber").asText()).isEqualTo("9690937286");
        assertThat(event.path("infrastructureAckCode").asText()).isEqualTo("20013");
        assertThat(event.path("businessAckCode").asText()).isEqualTo("30001");
        assertThat(event.path("traceId").asText()).isNotBlank();

        String itemId = item.path("itemId").asText();
        given().auth().oauth2(token).post("/practice/B82617/inbox/" + itemId + "/filed").then().statusCode(200);
        // idempotent: a second filing changes nothing and announces nothing
        given().auth().oauth2(token).post("/practice/B82617/inbox/" + itemId + "/filed").then().statusCode(200);
        assertThat(find(JSON.readTree(given().auth().oauth2(token).get("/practice/B82617/inbox").asString()), documentId)).isNull();
        JsonNode filed = find(JSON.readTree(given().auth().oauth2(token).queryParam("status", "FILED")
                .get("/practice/B82617/inbox").asString()), documentId);
        assertThat(filed.path("filedBy").asText()).isEqualTo("gp-system-1");

        List<ConsumerRecord<String, String>> all = events(documentId, 2, Duration.ofSeconds(30));
        assertThat(all).extracting(r -> kind(r.value())).containsExactly("RECEIVED", "FILED");
        JsonNode filedEvent = JSON.readTree(all.get(1).value());
        assertThat(filedEvent.path("filedBy").asText()).isEqualTo("gp-system-1");
        assertThat(filedEvent.path("attachments").get(0).path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE event_key = $1", documentId)).isEqualTo(2);
    }

    @Test
    void aJsonMessageIsAnsweredInJson() {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        send(sender, report, report.json());

        poller.pollAll("instance-a");

        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
        assertThat(acks(sender)).extracting(Ack::contentType).containsOnly("application/fhir+json");
    }

    @Test
    void automaticRoutingAddressMatchingThePatientIsAccepted() {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        mesh().deposit(org.gpconnect.meshdouble.MeshDouble.Deposit.to("B82617OT01").from(sender)
                .workflow("GPFED_CONSULT_REPORT").subject(report.subject()).localId(report.senderOds)
                .meshTo(report.automaticRoutingTo()).body(report.xml(), "application/fhir+xml"));

        poller.pollAll("instance-a");

        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
    }

    static String kind(String event) {
        try {
            return JSON.readTree(event).path("kind").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode find(JsonNode items, String documentId) {
        for (JsonNode item : items) {
            if (item.path("document").path("documentId").asText().equals(documentId)) {
                return item;
            }
        }
        return null;
    }
}
