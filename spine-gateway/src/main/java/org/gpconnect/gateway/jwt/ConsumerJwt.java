package org.gpconnect.gateway.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A consumer's GP Connect JWT, decoded but not yet judged: its JOSE header and claims as JSON. The claim
 * rules of foundations.md §3.2 are applied by the {@link JwtRule}s.
 */
public record ConsumerJwt(ObjectNode header, ObjectNode claims) {

    /** A claim's text, or null when absent or not a JSON string. */
    public String text(String claim) {
        JsonNode node = claims.get(claim);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** A claim as JSON, or null when absent. */
    public JsonNode claim(String claim) {
        return claims.get(claim);
    }

    /** A claim that {@link ClaimShapeRule} has checked to be a whole number. */
    public long number(String claim) {
        return claims.get(claim).longValue();
    }
}
