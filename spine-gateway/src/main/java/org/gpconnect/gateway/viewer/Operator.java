package org.gpconnect.gateway.viewer;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The operator using the viewer, from their token: the JWT the viewer sends must name the real user, never a
 * generic system user (security-and-audit.md P10), so the practitioner is the operator. Names come from the
 * identity provider's {@code family_name}/{@code given_name} claims when it sends them.
 */
public record Operator(String id, String familyName, String givenName) {

    static Operator of(JsonWebToken token) {
        String id = token.getSubject() != null && !token.getSubject().isBlank() ? token.getSubject() : token.getName();
        if (id == null || id.isBlank()) {
            throw new ViewerProblem(403, "The operator token names no user (no sub claim)");
        }
        String family = claim(token, "family_name");
        String given = claim(token, "given_name");
        return new Operator(id, family != null ? family : id, given != null ? given : "Operator");
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        String text = value == null ? null : value.toString().strip();
        if (text != null && text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1); // a JsonString's toString() keeps its quotes
        }
        return text == null || text.isBlank() ? null : text;
    }
}
