package org.gpconnect.gateway.jwt;

import java.util.Optional;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.interaction.Scope;

/**
 * §3.1-§3.2: {@code requested_scope} is one of the four permitted values, optionally followed by
 * {@code conf/N} (1.6.x; absent means conf/N), and is the one the interaction needs — resource family
 * (patient or organization) and read or write. {@code conf/R} is for GP2GP migration only.
 */
public final class RequestedScopeRule implements JwtRule {

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        String value = jwt.text(Claims.REQUESTED_SCOPE);
        String[] parts = value.split(" ", -1);
        if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("conf/N"))) {
            throw GpConnectException.badRequest("requested_scope is not a permitted value");
        }
        Optional<Scope> scope = Scope.fromValue(parts[0]);
        if (scope.isEmpty()) {
            throw GpConnectException.badRequest("requested_scope is not a permitted value");
        }
        if (scope.get() != context.interaction().scope()) {
            throw GpConnectException.badRequest("requested_scope " + parts[0] + " does not permit this interaction ("
                    + context.interaction().scope().value() + " is needed)");
        }
    }
}
