package org.gpconnect.gateway.jwt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.gpconnect.common.error.GpConnectException;

/**
 * Takes the {@code Authorization} header apart (foundations.md §3.2, first rows): {@code Bearer }, then
 * exactly {@code header.payload.} with an empty signature, each part base64url without padding, each a
 * JSON object. Anything else is 400 {@code BAD_REQUEST}. The token is never logged.
 */
public final class ConsumerJwtDecoder {

    /** A JWT larger than this is not a GP Connect token (they are a few kB). */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private ConsumerJwtDecoder() {
    }

    public static ConsumerJwt decode(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw GpConnectException.badRequest("The Authorization header must be 'Bearer ' followed by the GP Connect JWT");
        }
        String token = authorization.substring("Bearer ".length());
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw GpConnectException.badRequest("The JWT is too long");
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1) {
            throw GpConnectException.badRequest("The JWT must have the form header.payload. (unsigned)");
        }
        if (second != token.length() - 1) {
            throw GpConnectException.badRequest("The JWT must be unsigned: nothing may follow the second '.'");
        }
        return new ConsumerJwt(object(token.substring(0, first), "header"), object(token.substring(first + 1, second), "payload"));
    }

    private static ObjectNode object(String part, String name) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                throw GpConnectException.badRequest("The JWT " + name + " is not base64url without padding");
            }
        }
        JsonNode node;
        try {
            node = JSON.readTree(BASE64URL.decode(part));
        } catch (Exception e) {
            throw GpConnectException.badRequest("The JWT " + name + " is not a JSON object");
        }
        if (!(node instanceof ObjectNode object)) {
            throw GpConnectException.badRequest("The JWT " + name + " is not a JSON object");
        }
        return object;
    }
}
