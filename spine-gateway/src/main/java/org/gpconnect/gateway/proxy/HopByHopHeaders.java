package org.gpconnect.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/**
 * Copies headers from one hop to the next without the hop-by-hop ones (RFC 9110 §7.6.1), including any
 * the Connection header names.
 */
final class HopByHopHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private HopByHopHeaders() {
    }

    /** Copies every end-to-end header of {@code from} into {@code to}, except the names in {@code drop}. */
    static void copy(MultiMap from, MultiMap to, Set<String> drop) {
        Set<String> named = connectionTokens(from);
        from.forEach(entry -> {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name) && !drop.contains(name)) {
                to.add(entry.getKey(), entry.getValue());
            }
        });
    }

    private static Set<String> connectionTokens(MultiMap headers) {
        String connection = headers.get("Connection");
        if (connection == null) {
            return Set.of();
        }
        java.util.HashSet<String> tokens = new java.util.HashSet<>();
        for (String token : connection.split(",")) {
            tokens.add(token.trim().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }
}
