package org.gpconnect.gateway.check;

import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.token.ConsumerJwt;
import org.gpconnect.gateway.token.ConsumerJwtDecoder;

/**
 * foundations.md §3: the Authorization header carries an unsigned GP Connect JWT whose scope fits the
 * interaction. (The remaining rows of the §3.2 table are the gateway issue's JWT validators.)
 */
public final class JwtCheck {

    private JwtCheck() {
    }

    public static void check(ConsumerRequest request) {
        ConsumerJwt jwt;
        try {
            jwt = ConsumerJwtDecoder.decode(request.header("Authorization"));
        } catch (GpConnectException e) {
            throw GatewayRejection.gpConnect(e);
        }
        String scope = jwt.text("requested_scope");
        String required = request.interaction().scope().value();
        if (scope == null || !(scope.equals(required) || scope.startsWith(required + " "))) {
            throw GatewayRejection.gpConnect(GpConnectException.badRequest(
                    "requested_scope does not permit this interaction (" + required + " is needed)"));
        }
        request.jwt(jwt);
    }
}
