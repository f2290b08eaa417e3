package org.gpconnect.senddocument.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.gpconnect.meshdouble.MeshDouble;
import org.gpconnect.senddocument.config.MailboxRegistry.PracticeMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MESH client against the double, without the service (send-document.md §2.1): the NHSMESH header,
 * paging with the workflow filter, 206 chunked downloads, 404/410, send and acknowledge, and that the
 * double refuses what MESH refuses (wrong secret, reused token, no v2 Accept).
 */
class MeshClientAgainstDoubleTest {

    private static final String SECRET = "test-shared-secret";
    private MeshDouble mesh;
    private MeshClient client;
    private final PracticeMailbox mailbox = new PracticeMailbox("B82617", "MBOX01", "mbox-password");
    private Path spool;

    @BeforeEach
    void start() throws Exception {
        mesh = MeshDouble.start(0, SECRET).mailbox("MBOX01", "mbox-password").mailbox("SENDER01", "s").chunkSize(10);
        client = client(SECRET);
        spool = Files.createTempDirectory("mesh-client-test");
    }

    @AfterEach
    void stop() {
        mesh.close();
    }

    private MeshClient client(String secret) {
        return new MeshClient(new MeshClient.Settings(URI.create(mesh.baseUrl()), secret, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 3, Duration.ofMillis(10), Duration.ofMillis(50), null, "test-client"));
    }

    @Test
    void authorizationHeaderHasTheSpecifiedFormatAndHmac() {
        Clock clock = Clock.fixed(Instant.parse("2024-02-14T09:05:00Z"), ZoneOffset.UTC);
        String header = new MeshAuthorization("secret", clock).header("MBOX01", "pw", "7c4a2bb6-6b2f-4e44-9a4e-8b1a2f3e4d5c", 1);
        // hmac = HMAC-SHA256("secret", "MBOX01:7c4a...:1:pw:202402140905"), computed independently with openssl
        assertThat(header).isEqualTo("NHSMESH MBOX01:7c4a2bb6-6b2f-4e44-9a4e-8b1a2f3e4d5c:1:202402140905:"
                + "4d5fc8aaa42b8180ac5c13c89f071ba6ff902082f2a05db35886c3c63f86350c");
    }

    @Test
    void handshakeListPagesWithWorkflowFilterAndChunkedDownload() throws Exception {
        client.handshake(mailbox).get();
        for (int i = 0; i < 5; i++) {
            mesh.deposit(MeshDouble.Deposit.to("MBOX01").from("SENDER01").workflow("GPFED_CONSULT_REPORT")
                    .body(("message number " + i + " with more than ten bytes").getBytes(), "text/plain"));
        }
        mesh.deposit(MeshDouble.Deposit.to("MBOX01").from("SENDER01").workflow("OTHER").body("x".getBytes(), "text/plain"));

        MeshClient.InboxPage first = client.listInbox(mailbox, "GPFED_CONSULT_REPORT", 2, null).get();
        MeshClient.InboxPage second = client.listInbox(mailbox, "GPFED_CONSULT_REPORT", 2, first.continueFrom()).get();
        MeshClient.InboxPage third = client.listInbox(mailbox, "GPFED_CONSULT_REPORT", 2, second.continueFrom()).get();
        assertThat(first.messageIds()).hasSize(2);
        assertThat(second.messageIds()).hasSize(2).doesNotContainAnyElementsOf(first.messageIds());
        assertThat(third.messageIds()).hasSize(1);
        assertThat(third.continueFrom()).isNull();

        String id = first.messageIds().get(0);
        DownloadedMessage message = client.download(mailbox, id, spool.resolve("m"), 1_000_000).get();
        assertThat(message.parts()).hasSizeGreaterThan(1); // 206 + chunk URLs
        assertThat(new String(message.open().readAllBytes())).isEqualTo("message number 0 with more than ten bytes");
        assertThat(message.header("mex-from")).isEqualTo("SENDER01");
        assertThat(message.header("mex-workflowid")).isEqualTo("GPFED_CONSULT_REPORT");

        client.acknowledge(mailbox, id).get();
        assertThat(mesh.message(id).acknowledged()).isTrue();
        client.acknowledge(mailbox, "unknown-id").get(); // already gone counts as acknowledged

        String sent = client.send(mailbox, new MeshClient.OutgoingMessage("SENDER01", "GPFED_CONSULT_REPORT_ACK", "ack",
                "B82617", "ack.xml", "application/fhir+xml", "<Bundle/>".getBytes())).get();
        assertThat(mesh.message(sent).header("mex-from")).isEqualTo("MBOX01");
        assertThat(mesh.inbox("SENDER01")).extracting(m -> m.messageId()).contains(sent);
    }

    @Test
    void unknownIsGone404AndExpiredIsGone410() throws Exception {
        assertThatThrownBy(() -> client.download(mailbox, "nope", spool.resolve("a"), 1000).get())
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MeshClient.MessageGone.class);
        String id = mesh.deposit(MeshDouble.Deposit.to("MBOX01").from("SENDER01").workflow("GPFED_CONSULT_REPORT")
                .body("old".getBytes(), "text/plain"));
        mesh.expire(id);
        assertThatThrownBy(() -> client.download(mailbox, id, spool.resolve("b"), 1000).get())
                .cause().isInstanceOfSatisfying(MeshClient.MessageGone.class, gone -> assertThat(gone.status()).isEqualTo(410));
    }

    @Test
    void aMessageLargerThanAllowedIsNotDownloaded() {
        String id = mesh.deposit(MeshDouble.Deposit.to("MBOX01").from("SENDER01").workflow("GPFED_CONSULT_REPORT")
                .body(new byte[100], "application/octet-stream"));
        assertThatThrownBy(() -> client.download(mailbox, id, spool.resolve("c"), 50).get())
                .cause().isInstanceOf(MeshClient.MessageTooLarge.class);
    }

    @Test
    void theDoubleRefusesAWrongSecretAReusedTokenAndAMissingV2Accept() throws Exception {
        assertThatThrownBy(() -> client("wrong-secret").handshake(mailbox).get())
                .cause().isInstanceOfSatisfying(MeshException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.transientFailure()).isFalse();
                });
        HttpClient http = HttpClient.newHttpClient();
        String token = new MeshAuthorization(SECRET, Clock.systemUTC()).header("MBOX01", "mbox-password");
        HttpRequest request = HttpRequest.newBuilder(URI.create(mesh.baseUrl() + "/messageexchange/MBOX01/inbox"))
                .header("Authorization", token).header("Accept", MeshClient.ACCEPT).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403); // reuse
        HttpRequest noAccept = HttpRequest.newBuilder(URI.create(mesh.baseUrl() + "/messageexchange/MBOX01/inbox"))
                .header("Authorization", new MeshAuthorization(SECRET, Clock.systemUTC()).header("MBOX01", "mbox-password")).build();
        assertThat(http.send(noAccept, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(406);
        assertThat(mesh.requests()).extracting(MeshDouble.RecordedRequest::refusal)
                .anySatisfy(r -> assertThat(r).contains("HMAC")).anySatisfy(r -> assertThat(r).contains("reused"));
    }

    @Test
    void aHandshakeNeedsTheClientHeaders() throws Exception {
        HttpRequest bare = HttpRequest.newBuilder(URI.create(mesh.baseUrl() + "/messageexchange/MBOX01"))
                .header("Authorization", new MeshAuthorization(SECRET, Clock.systemUTC()).header("MBOX01", "mbox-password"))
                .header("Accept", MeshClient.ACCEPT).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(HttpClient.newHttpClient().send(bare, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(List.of(mesh.requests().get(0).path())).containsExactly("/messageexchange/MBOX01");
    }
}
