package org.gpconnect.senddocument.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.senddocument.support.SendDocumentFixture.acks;
import static org.gpconnect.senddocument.support.SendDocumentFixture.count;
import static org.gpconnect.senddocument.support.SendDocumentFixture.events;
import static org.gpconnect.senddocument.support.SendDocumentFixture.mesh;
import static org.gpconnect.senddocument.support.SendDocumentFixture.newSender;
import static org.gpconnect.senddocument.support.SendDocumentFixture.row;
import static org.gpconnect.senddocument.support.SendDocumentFixture.send;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.gpconnect.meshdouble.MeshDouble;
import org.gpconnect.senddocument.config.MailboxRegistry;
import org.gpconnect.senddocument.support.ItkMessages;
import org.gpconnect.senddocument.support.MeshDoubleResource;
import org.gpconnect.senddocument.support.SendDocumentFixture.Ack;
import org.gpconnect.testsupport.KafkaResource;
import org.gpconnect.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

/**
 * Faults around the flow: chunked downloads cut half-way (resumed, nothing half-written), MESH answering
 * 503, the database refusing connections mid-message (not acknowledged, retried later), Kafka down
 * (events published when it returns), two replicas polling at once (processed once), the NHSMESH
 * authorisation header as the double checks it (send-document.md §2.1), and a 20 MB report streamed.
 */
@QuarkusTest
class FaultToleranceTest {

    private static final Pattern NHSMESH = Pattern.compile(
            "NHSMESH B82617OT01:[0-9a-f-]{36}:1:\\d{12}:[0-9a-f]{64}");

    @Inject
    MailboxPoller poller;

    @Inject
    InboundClaims claims;

    @Inject
    MailboxRegistry mailboxes;

    @Inject
    Pool pool;

    @Test
    void aChunkedDownloadCutHalfWayIsResumedAtTheChunk() throws Exception {
        mesh().chunkSize(64 * 1024);
        try {
            String sender = newSender();
            byte[] pdf = pdf(1024 * 1024);
            ItkMessages report = ItkMessages.consultationReport().onlyAttachment("application/pdf", pdf);
            String id = send(sender, report, report.xml());
            assertThat(mesh().message(id).chunkCount()).isGreaterThan(10);
            mesh().cutChunk(id, 3, 1);

            poller.pollAll("instance-a");

            assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
            assertThat(storedSha256(id)).isEqualTo(sha256(pdf));
            // chunk 1 and 2 were not fetched again: only the cut chunk was retried
            long chunkOneRequests = mesh().requests().stream()
                    .filter(r -> r.path().endsWith("/inbox/" + id) && r.status() == 0).count();
            assertThat(chunkOneRequests).isEqualTo(1);
        } finally {
            mesh().chunkSize(1024 * 1024);
        }
    }

    @Test
    void aDownloadThatKeepsFailingLeavesNothingAndIsRetriedLater() throws Exception {
        mesh().chunkSize(64 * 1024);
        try {
            String sender = newSender();
            byte[] pdf = pdf(512 * 1024);
            ItkMessages report = ItkMessages.consultationReport().onlyAttachment("application/pdf", pdf);
            String id = send(sender, report, report.xml());
            mesh().cutChunk(id, 2, 4); // more cuts than the 4 attempts of one poll

            poller.pollAll("instance-a");

            assertThat(mesh().message(id).acknowledged()).isFalse();
            assertThat(acks(sender)).isEmpty();
            assertThat(count(pool, "SELECT count(*) FROM document WHERE mesh_message_id = $1", id)).isZero();
            assertThat(row(pool, "SELECT status, last_error FROM mesh_inbound_message WHERE message_id = $1", id).getString(0))
                    .isEqualTo("RECEIVING");

            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                poller.pollAll("instance-a");
                assertThat(mesh().message(id).acknowledged()).isTrue();
            });
            assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
            assertThat(storedSha256(id)).isEqualTo(sha256(pdf));
        } finally {
            mesh().chunkSize(1024 * 1024);
        }
    }

    @Test
    void transientMeshErrorsAreRetriedWithBackOff() {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        String id = send(sender, report, report.xml());
        mesh().failNextRequests(503, 2);

        poller.pollAll("instance-a");

        assertThat(mesh().message(id).acknowledged()).isTrue();
        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
    }

    @Test
    void aTwentyMegabyteReportIsStreamedInChunks() throws Exception {
        String sender = newSender();
        byte[] pdf = pdf(20 * 1024 * 1024);
        ItkMessages report = ItkMessages.consultationReport().onlyAttachment("application/pdf", pdf);
        String id = send(sender, report, report.xml());
        assertThat(mesh().message(id).chunkCount()).isGreaterThan(20);

        poller.pollAll("instance-a");

        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
        assertThat(storedSha256(id)).isEqualTo(sha256(pdf));
        assertThat(count(pool, "SELECT count(*) FROM document_attachment_segment s JOIN document_attachment a ON a.id = s.attachment_id"
                + " JOIN document d ON d.id = a.document_id WHERE d.mesh_message_id = $1", id)).isEqualTo(80);
    }

    /**
     * The database goes away after the message was claimed and downloaded: nothing is committed, the
     * message is not acknowledged in MESH, and once the database is back (and the claim's lease has run
     * out) it is processed, once. "Away" is real: the database stops accepting connections and every
     * session of the service is terminated by the server.
     */
    @Test
    void theDatabaseUnavailableDuringProcessingMeansNotAcknowledgedAndRetried() throws Exception {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        String id = send(sender, report, report.xml());
        mesh().onDownload(id, () -> database(false));
        try {
            poller.pollAll("instance-a");
            assertThat(mesh().message(id).acknowledged()).isFalse();
            assertThat(acks(sender)).isEmpty();
        } finally {
            database(true);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            poller.pollAll("instance-a");
            assertThat(mesh().message(id).acknowledged()).isTrue();
        });
        assertThat(acks(sender)).extracting(Ack::code).containsExactly("20013", "30001");
        assertThat(count(pool, "SELECT count(*) FROM document WHERE mesh_message_id = $1", id)).isEqualTo(1);
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItReturns() throws Exception {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        String id = send(sender, report, report.xml());
        KafkaResource.broker().stopBroker();
        String documentId;
        try {
            poller.pollAll("instance-a");
            assertThat(mesh().message(id).acknowledged()).isTrue(); // business does not wait for Kafka
            documentId = row(pool, "SELECT id::text FROM document WHERE mesh_message_id = $1", id).getString(0);
            Thread.sleep(1000);
            assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE event_key = $1 AND published_at IS NULL", documentId))
                    .isEqualTo(1);
        } finally {
            KafkaResource.broker().startBroker();
        }
        assertThat(events(documentId, 1, Duration.ofSeconds(60))).hasSize(1);
    }

    @Test
    void twoClaimsOfOneMessageOnlyOneWins() throws Exception {
        String messageId = "claim-test-" + System.nanoTime();
        var first = claims.claim(messageId, "B82617", MeshDoubleResource.PRACTICE_MAILBOX, "replica-1", Duration.ofMinutes(1));
        var second = claims.claim(messageId, "B82617", MeshDoubleResource.PRACTICE_MAILBOX, "replica-2", Duration.ofMinutes(1));
        assertThat(first.result()).isEqualTo(InboundClaims.Result.CLAIMED);
        assertThat(second.result()).isEqualTo(InboundClaims.Result.BUSY);
    }

    @Test
    void twoPollersAtOnceProcessEveryMessageOnce() {
        String sender = newSender();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ItkMessages report = ItkMessages.consultationReport();
            ids.add(send(sender, report, report.xml()));
        }
        CompletableFuture<?> a = CompletableFuture.runAsync(() -> poller.pollAll("replica-1"));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> poller.pollAll("replica-2"));
        CompletableFuture.allOf(a, b).join();
        // whatever one replica left (claimed by the other while it finished) goes at the next poll
        poller.pollAll("replica-1");

        for (String id : ids) {
            assertThat(count(pool, "SELECT count(*) FROM document WHERE mesh_message_id = $1", id)).isEqualTo(1);
            assertThat(mesh().downloadCount(id)).isEqualTo(1);
            assertThat(mesh().message(id).acknowledged()).isTrue();
        }
        assertThat(acks(sender)).hasSize(12);
        assertThat(acks(sender).stream().filter(ack -> ack.code().equals("20013")).map(Ack::respondsTo).distinct()).hasSize(6);
    }

    @Test
    void everyRequestCarriesAFreshNhsMeshTokenTheDoubleAccepts() {
        String sender = newSender();
        ItkMessages report = ItkMessages.consultationReport();
        send(sender, report, report.xml());
        int before = mesh().requests().size();

        poller.pollAll("instance-a");

        List<MeshDouble.RecordedRequest> requests = mesh().requests().subList(before, mesh().requests().size());
        assertThat(requests).isNotEmpty();
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.refusal()).isNull();
            assertThat(r.authorization()).matches(NHSMESH);
            assertThat(r.accept()).isEqualTo("application/vnd.mesh.v2+json");
        });
        // a fresh nonce per request
        assertThat(requests.stream().map(r -> r.authorization().split(":")[1]).distinct()).hasSize(requests.size());
        assertThat(mailboxes.sharedSecret()).isEqualTo(MeshDoubleResource.sharedSecret());
    }

    private String storedSha256(String messageId) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        var rows = pool.preparedQuery("SELECT s.data FROM document_attachment_segment s JOIN document_attachment a ON a.id = s.attachment_id"
                        + " JOIN document d ON d.id = a.document_id WHERE d.mesh_message_id = $1 AND a.is_primary ORDER BY s.seq")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(messageId)).await().atMost(Duration.ofSeconds(30));
        rows.forEach(r -> digest.update(r.getBuffer(0).getBytes()));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A "PDF" of the given size: the PDF header, then random (incompressible) bytes. */
    static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        new Random(size).nextBytes(pdf);
        System.arraycopy(ItkMessages.PDF, 0, pdf, 0, 8);
        return pdf;
    }

    /** Lets the test database accept connections, or refuses them and ends every open session. */
    private static void database(boolean available) {
        String url = "jdbc:postgresql://127.0.0.1:" + PostgresResource.server().port() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE app ALLOW_CONNECTIONS " + available);
            if (!available) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'app' AND pid <> pg_backend_pid()");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
