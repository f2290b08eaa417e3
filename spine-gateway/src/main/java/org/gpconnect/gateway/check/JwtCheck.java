package org.gpconnect.gateway.check;

import java.time.Instant;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.fhir.FhirVersion;
import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.jwt.ConsumerJwt;
import org.gpconnect.gateway.jwt.ConsumerJwtDecoder;
import org.gpconnect.gateway.jwt.JwtContext;
import org.gpconnect.gateway.jwt.JwtValidator;

/** foundations.md §3: the Authorization header carries a GP Connect JWT that passes every §3.2 rule. */
public final class JwtCheck {

    private JwtCheck() {
    }

    public static void check(ConsumerRequest request) {
        try {
            ConsumerJwt jwt = ConsumerJwtDecoder.decode(request.header("Authorization"));
            FhirVersion version = FhirVersion.fromPath(request.route().endpoint().serviceRoot()).orElse(FhirVersion.STU3);
            JwtValidator.validate(jwt, new JwtContext(request.interaction(), version, Instant.now()));
            request.jwt(jwt);
        } catch (GpConnectException e) {
            throw GatewayRejection.gpConnect(e);
        }
    }
}
