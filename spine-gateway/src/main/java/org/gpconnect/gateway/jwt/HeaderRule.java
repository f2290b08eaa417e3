package org.gpconnect.gateway.jwt;

import java.util.Iterator;
import java.util.Set;
import org.gpconnect.common.error.GpConnectException;

/** §3.2: the JOSE header is exactly {@code {"alg":"none","typ":"JWT"}}: unsigned, no other keys. */
public final class HeaderRule implements JwtRule {

    private static final Set<String> ALLOWED = Set.of("alg", "typ");

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        if (!"none".equals(textOf(jwt, "alg"))) {
            throw GpConnectException.badRequest("The JWT header must have alg \"none\": GP Connect tokens are unsigned");
        }
        if (!"JWT".equals(textOf(jwt, "typ"))) {
            throw GpConnectException.badRequest("The JWT header must have typ \"JWT\"");
        }
        for (Iterator<String> names = jwt.header().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ALLOWED.contains(name)) {
                throw GpConnectException.badRequest("The JWT header has an unexpected key");
            }
        }
    }

    private static String textOf(ConsumerJwt jwt, String key) {
        var node = jwt.header().get(key);
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
