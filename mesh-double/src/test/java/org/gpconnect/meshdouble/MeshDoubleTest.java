package org.gpconnect.meshdouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The double's own behaviour that the service tests rely on (send-document.md §2.1). */
class MeshDoubleTest {

    private MeshDouble mesh;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws IOException {
        mesh = MeshDouble.start(0, "secret").mailbox("MB1", "pw").chunkSize(4);
    }

    @AfterEach
    void stop() {
        mesh.close();
    }

    @Test
    void chunkedMessagesAreServedWith206AndChunkRange() throws Exception {
        String id = mesh.deposit(MeshDouble.Deposit.to("MB1").from("X").workflow("W").body("0123456789".getBytes(), "text/plain"));
        HttpResponse<String> first = get("/messageexchange/MB1/inbox/" + id);
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("mex-chunk-range")).contains("1:3");
        assertThat(first.body()).isEqualTo("0123");
        HttpResponse<String> last = get("/messageexchange/MB1/inbox/" + id + "/3");
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(last.body()).isEqualTo("89");
        assertThat(get("/messageexchange/MB1/inbox/unknown").statusCode()).isEqualTo(404);
        mesh.expire(id);
        assertThat(get("/messageexchange/MB1/inbox/" + id).statusCode()).isEqualTo(410);
    }

    @Test
    void anAcknowledgedMessageKeepsItsBodyForRedeliveryByDefault() throws Exception {
        String id = mesh.deposit(MeshDouble.Deposit.to("MB1").from("X").workflow("W").body("0123456789".getBytes(), "text/plain"));
        assertThat(acknowledge(id).statusCode()).isEqualTo(200);
        assertThat(mesh.message(id).body()).hasSize(10);
        mesh.redeliver(id);
        assertThat(get("/messageexchange/MB1/inbox/" + id).body()).isEqualTo("0123");
    }

    @Test
    void withForgetAcknowledgedBodiesAnAcknowledgedMessageLeavesNoBytesBehind() throws Exception {
        mesh.forgetAcknowledgedBodies();
        String id = mesh.deposit(MeshDouble.Deposit.to("MB1").from("X").workflow("W").body("0123456789".getBytes(), "text/plain"));
        assertThat(acknowledge(id).statusCode()).isEqualTo(200);
        assertThat(mesh.message(id).body()).isEmpty();
        assertThat(mesh.message(id).workflowId()).isEqualTo("W");
        assertThatThrownBy(() -> mesh.redeliver(id)).isInstanceOf(IllegalStateException.class);
        assertThat(get("/messageexchange/MB1/inbox/" + id).statusCode()).isIn(404, 410);
    }

    @Test
    void aCutChunkEndsTheConnectionHalfWayAtOnce() throws Exception {
        String id = mesh.deposit(MeshDouble.Deposit.to("MB1").from("X").workflow("W").body("0123456789".getBytes(), "text/plain"));
        mesh.cutChunk(id, 2, 1);
        long started = System.nanoTime();
        assertThatThrownBy(() -> get("/messageexchange/MB1/inbox/" + id + "/2")).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(get("/messageexchange/MB1/inbox/" + id + "/2").body()).isEqualTo("4567");
    }

    @Test
    void aTokenForAnotherMailboxOrWithoutAcceptIsRefused() throws Exception {
        mesh.mailbox("MB2", "pw2");
        HttpRequest wrongMailbox = HttpRequest.newBuilder(URI.create(mesh.baseUrl() + "/messageexchange/MB1/inbox"))
                .header("Authorization", token("MB2", "pw2")).header("Accept", MeshDouble.MESH_V2).build();
        assertThat(http.send(wrongMailbox, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpRequest noAuth = HttpRequest.newBuilder(URI.create(mesh.baseUrl() + "/messageexchange/MB1/inbox"))
                .header("Accept", MeshDouble.MESH_V2).build();
        assertThat(http.send(noAuth, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> acknowledge(String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(mesh.baseUrl() + "/messageexchange/MB1/inbox/" + id + "/status/acknowledged"))
                .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", token("MB1", "pw")).header("Accept", MeshDouble.MESH_V2).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(mesh.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", token("MB1", "pw")).header("Accept", MeshDouble.MESH_V2).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String mailbox, String password) throws Exception {
        String nonce = UUID.randomUUID().toString();
        String timestamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hmac = HexFormat.of().formatHex(mac.doFinal((mailbox + ":" + nonce + ":1:" + password + ":" + timestamp)
                .getBytes(StandardCharsets.UTF_8)));
        return "NHSMESH " + mailbox + ":" + nonce + ":1:" + timestamp + ":" + hmac;
    }
}
