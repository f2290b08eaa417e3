package org.gpconnect.meshdouble;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The double's check of the {@code Authorization: NHSMESH ...} header (send-document.md §2.1), written
 * independently of the client's header builder so that a wrong client fails here:
 * {@code NHSMESH {mailbox}:{nonce uuid}:{nonce count}:{yyyyMMddHHmm}:{hmac}} with
 * hmac = hex HMAC-SHA256(key = shared secret, {@code mailbox:nonce:count:password:timestamp}); a token
 * may be used once, and its timestamp must be within 2 hours of the server's clock.
 */
final class NhsMeshAuthorization {

    private static final Pattern HEADER = Pattern.compile(
            "NHSMESH ([A-Za-z0-9]+):([0-9a-fA-F-]{36}):(\\d+):(\\d{12}):([0-9a-f]{64})");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final Duration MAX_SKEW = Duration.ofHours(2);

    private final byte[] sharedSecret;
    private final Set<String> usedTokens = ConcurrentHashMap.newKeySet();

    NhsMeshAuthorization(String sharedSecret) {
        this.sharedSecret = sharedSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** Why the header is refused, or null when it is valid for the mailbox with that password. */
    String refusal(String header, String mailbox, String password) {
        if (header == null) {
            return "no Authorization header";
        }
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            return "Authorization is not 'NHSMESH mailbox:nonce:count:yyyyMMddHHmm:hmac-sha256-hex'";
        }
        String headerMailbox = m.group(1);
        String nonce = m.group(2);
        String count = m.group(3);
        String timestamp = m.group(4);
        if (!headerMailbox.equals(mailbox)) {
            return "token of mailbox " + headerMailbox + " used for " + mailbox;
        }
        try {
            UUID.fromString(nonce);
            LocalDateTime at = LocalDateTime.parse(timestamp, TIMESTAMP);
            Duration skew = Duration.between(at.toInstant(ZoneOffset.UTC), java.time.Instant.now()).abs();
            if (skew.compareTo(MAX_SKEW) > 0) {
                return "timestamp " + timestamp + " is more than 2 hours from the server's time";
            }
        } catch (RuntimeException e) {
            return "nonce or timestamp malformed";
        }
        if (password == null) {
            return "unknown mailbox " + mailbox;
        }
        String expected = hmac(mailbox + ":" + nonce + ":" + count + ":" + password + ":" + timestamp);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), m.group(5).getBytes(StandardCharsets.US_ASCII))) {
            return "HMAC does not match (wrong password or shared secret)";
        }
        if (!usedTokens.add(mailbox + ":" + nonce + ":" + count)) {
            return "token reused";
        }
        return null;
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
