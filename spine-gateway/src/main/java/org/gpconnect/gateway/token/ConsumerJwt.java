package org.gpconnect.gateway.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A consumer's GP Connect JWT, decoded but not yet judged: its JOSE header and claims as JSON. The claim
 * rules of foundations.md §3.2 are applied by the JWT validators.
 */
public record ConsumerJwt(ObjectNode header, ObjectNode claims) {

    public String text(String claim) {
        JsonNode node = claims.get(claim);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    public JsonNode claim(String claim) {
        return claims.get(claim);
    }
}
