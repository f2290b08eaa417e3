package org.gpconnect.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One MESH mailbox seen from outside, as a sending organisation's MESH client uses it (MESH API v2, the
 * same paths and {@code NHSMESH} token the MESH double checks): send to another mailbox, list the inbox,
 * download and acknowledge. Written here rather than reusing the service's client, so that the benchmark
 * exercises the double exactly as a third-party sender would.
 */
final class MeshMailbox {

    private static final String MESH_V2 = "application/vnd.mesh.v2+json";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LISTED = Pattern.compile("\"messages\"\\s*:\\s*\\[([^\\]]*)]");

    private final String baseUrl;
    private final String mailboxId;
    private final String password;
    private final byte[] sharedSecret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    MeshMailbox(String baseUrl, String mailboxId, String password, String sharedSecret) {
        this.baseUrl = baseUrl;
        this.mailboxId = mailboxId;
        this.password = password;
        this.sharedSecret = sharedSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends one message (unchunked: MESH takes up to 100 MB in one request); returns its MESH message id. */
    String send(String to, String workflowId, String subject, String localId, String fileName, String contentType,
                byte[] body) throws Exception {
        HttpRequest request = request("/outbox")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("mex-to", to)
                .header("mex-workflowid", workflowId)
                .header("mex-subject", subject)
                .header("mex-localid", localId)
                .header("mex-filename", fileName)
                .header("mex-content-checksum", "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                .header("content-type", contentType)
                .timeout(Duration.ofMinutes(2))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher id = MESSAGE_ID.matcher(response.body());
        if (response.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException("MESH send answered " + response.statusCode() + ": " + response.body());
        }
        return id.group(1);
    }

    /** The ids waiting in this mailbox's inbox (first page: acks are few and small). */
    List<String> inbox() throws Exception {
        HttpResponse<String> response = http.send(request("/inbox?max_results=500").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        Matcher listed = LISTED.matcher(response.body());
        List<String> ids = new ArrayList<>();
        if (listed.find()) {
            for (String quoted : listed.group(1).split(",")) {
                if (!quoted.isBlank()) {
                    ids.add(quoted.strip().replace("\"", ""));
                }
            }
        }
        return ids;
    }

    /** The whole body of a small, unchunked message (an ITK acknowledgement). */
    String download(String messageId) throws Exception {
        HttpResponse<String> response = http.send(request("/inbox/" + messageId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        return response.body();
    }

    void acknowledge(String messageId) throws Exception {
        HttpResponse<String> response = http.send(request("/inbox/" + messageId + "/status/acknowledged")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/messageexchange/" + mailboxId + path))
                .header("Authorization", authorization())
                .header("Accept", MESH_V2)
                .timeout(Duration.ofSeconds(30));
    }

    /**
     * {@code NHSMESH mailbox:nonce:count:yyyyMMddHHmm:hmac}, hmac = hex HMAC-SHA256 keyed by the environment's
     * shared secret over {@code mailbox:nonce:count:password:timestamp}; a fresh nonce per request (MESH
     * refuses a token twice).
     */
    private String authorization() {
        String nonce = UUID.randomUUID().toString();
        String timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedSecret, "HmacSHA256"));
            String hmac = HexFormat.of().formatHex(mac.doFinal(
                    (mailboxId + ":" + nonce + ":1:" + password + ":" + timestamp).getBytes(StandardCharsets.UTF_8)));
            return "NHSMESH " + mailboxId + ":" + nonce + ":1:" + timestamp + ":" + hmac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("MESH answered " + response.statusCode() + ": " + response.body());
        }
    }
}
