package org.gpconnect.senddocument.mesh;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the MESH {@code Authorization} header (send-document.md §2.1):
 * {@code NHSMESH {mailbox}:{nonce}:{nonce_count}:{yyyyMMddHHmm}:{hmac}}, hmac = lowercase hex
 * HMAC-SHA256(key = environment shared secret, message = {@code mailbox:nonce:nonce_count:password:timestamp}).
 * A fresh random nonce per request (MESH refuses a reused token with 403), so the count is always 1.
 */
public final class MeshAuthorization {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private final byte[] sharedSecret;
    private final Clock clock;

    public MeshAuthorization(String sharedSecret, Clock clock) {
        this.sharedSecret = sharedSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public String header(String mailboxId, String password) {
        return header(mailboxId, password, UUID.randomUUID().toString(), 1);
    }

    String header(String mailboxId, String password, String nonce, int count) {
        String timestamp = TIMESTAMP.format(clock.instant());
        String message = mailboxId + ":" + nonce + ":" + count + ":" + password + ":" + timestamp;
        return "NHSMESH " + mailboxId + ":" + nonce + ":" + count + ":" + timestamp + ":" + hmac(message);
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
