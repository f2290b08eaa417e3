package org.gpconnect.senddocument.receive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.senddocument.support.SendDocumentFixture.mesh;
import static org.gpconnect.senddocument.support.SendDocumentFixture.newSender;
import static org.gpconnect.senddocument.support.SendDocumentFixture.send;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.gpconnect.senddocument.support.ItkMessages;
import org.gpconnect.senddocument.support.MeshDoubleResource;
import org.junit.jupiter.api.Test;

/**
 * The receiving pipeline's metrics as Prometheus scrapes them from /q/metrics (the names the dashboards
 * in k8s/dashboards and the suite's PrometheusRule use): messages processed by ITK3 ack codes, attempts by
 * result with their duration, the MESH inbox's oldest unfinished message and depth, polls by outcome.
 * Other tests of the module share the application and the MESH inbox, so counters are compared before
 * and after, never read as absolute values.
 */
@QuarkusTest
class ReceivingMetricsTest {

    private static final String PRACTICE = "practice=\"B82617\"";
    private static final String MAILBOX = "mailbox=\"" + MeshDoubleResource.PRACTICE_MAILBOX + "\"";

    @Inject
    MailboxPoller poller;

    @Inject
    ReceivingMetrics metrics;

    @Inject
    Pool pool;

    @Test
    void processedMessagesAreCountedByInfrastructureAndBusinessAck() {
        String accepted = series("gpconnect_send_document_messages_processed_total",
                "business_ack=\"30001\"", "infrastructure_ack=\"20013\"", MAILBOX, PRACTICE);
        String notKnown = series("gpconnect_send_document_messages_processed_total",
                "business_ack=\"30002\"", "infrastructure_ack=\"20013\"", MAILBOX, PRACTICE);
        String unreadable = series("gpconnect_send_document_messages_processed_total",
                "business_ack=\"none\"", "infrastructure_ack=\"10009\"", MAILBOX, PRACTICE);
        String processedAttempts = series("gpconnect_send_document_message_attempts_total", MAILBOX, PRACTICE, "result=\"processed\"");
        String durations = series("gpconnect_send_document_message_processing_duration_seconds_count", MAILBOX, PRACTICE, "result=\"processed\"");
        String successfulPolls = series("gpconnect_send_document_mesh_polls_total", MAILBOX, "outcome=\"success\"", PRACTICE);
        String metrics = scrape();
        double acceptedBefore = value(metrics, accepted);
        double notKnownBefore = value(metrics, notKnown);
        double unreadableBefore = value(metrics, unreadable);
        double attemptsBefore = value(metrics, processedAttempts);
        double durationsBefore = value(metrics, durations);
        double pollsBefore = value(metrics, successfulPolls);

        String sender = newSender();
        ItkMessages known = ItkMessages.consultationReport();
        send(sender, known, known.xml());
        ItkMessages stranger = ItkMessages.consultationReport().patient("9000000009", "NOBODY", LocalDate.of(1970, 1, 1));
        send(sender, stranger, stranger.xml());
        send(sender, ItkMessages.consultationReport(), "not an ITK3 message".getBytes(StandardCharsets.UTF_8));
        poller.pollAll("metrics-instance");

        metrics = scrape();
        assertThat(value(metrics, accepted) - acceptedBefore).isEqualTo(1);
        assertThat(value(metrics, notKnown) - notKnownBefore).isEqualTo(1);
        assertThat(value(metrics, unreadable) - unreadableBefore).isEqualTo(1);
        assertThat(value(metrics, processedAttempts) - attemptsBefore).isGreaterThanOrEqualTo(3);
        assertThat(value(metrics, durations) - durationsBefore).isGreaterThanOrEqualTo(3);
        assertThat(value(metrics, successfulPolls) - pollsBefore).isEqualTo(1);
        assertThat(metrics).as("a latency histogram, for p99 panels and alerts")
                .containsPattern("gpconnect_send_document_message_processing_duration_seconds_bucket\\{[^}]*le=\"[0-9.]+\"");
        assertThat(value(metrics, series("gpconnect_send_document_mesh_inbox_messages", MAILBOX, PRACTICE)))
                .as("the three messages were in the inbox when it was listed").isGreaterThanOrEqualTo(3);
    }

    @Test
    void inboxAgeIsTheOldestMessageTakenOnAndNotFinished() {
        mesh().chunkSize(64 * 1024);
        try {
            String sender = newSender();
            ItkMessages report = ItkMessages.consultationReport().onlyAttachment("application/pdf", new byte[300 * 1024]);
            String id = send(sender, report, report.xml());
            mesh().cutChunk(id, 2, 4); // more cuts than one poll's attempts: the message stays RECEIVING
            String failed = series("gpconnect_send_document_message_attempts_total", MAILBOX, PRACTICE, "result=\"failed\"");
            double failedBefore = value(scrape(), failed);

            poller.pollAll("metrics-instance");
            assertThat(value(scrape(), failed) - failedBefore).isEqualTo(1);

            // taken on ten minutes ago and still not finished
            pool.preparedQuery("UPDATE mesh_inbound_message SET first_seen_at = now() - interval '10 minutes' WHERE message_id = $1")
                    .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10));
            metrics.measureInbox();
            String age = series("gpconnect_send_document_mesh_inbox_oldest_age_seconds", MAILBOX, PRACTICE);
            assertThat(value(scrape(), age)).isBetween(600.0, 700.0);

            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                poller.pollAll("metrics-instance");
                assertThat(mesh().message(id).acknowledged()).isTrue();
            });
            metrics.measureInbox();
            assertThat(value(scrape(), age)).as("finished: no longer the oldest").isLessThan(600.0);
        } finally {
            mesh().chunkSize(1024 * 1024);
        }
    }

    @Test
    void aPollThatCannotListTheInboxCountsAsAFailure() {
        String failures = series("gpconnect_send_document_mesh_polls_total", MAILBOX, "outcome=\"failure\"", PRACTICE);
        double before = value(scrape(), failures);
        mesh().failNextRequests(503, 50); // more than every retry of the handshake and the listing
        try {
            poller.pollAll("metrics-instance");
        } finally {
            mesh().failNextRequests(503, 0);
        }
        assertThat(value(scrape(), failures) - before).isEqualTo(1);
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** A series as Prometheus writes it: the name and its labels in the exposition's (alphabetical) order. */
    private static String series(String name, String... labels) {
        return name + "{" + String.join(",", labels) + "}";
    }

    /** The series' value, 0 when it is not there yet. */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
