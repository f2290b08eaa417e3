package org.gpconnect.gateway.jwt;

import org.gpconnect.common.error.GpConnectException;

/**
 * §3.2 / security-and-audit.md P1: GP Connect is for direct care only; {@code reason_for_request} must be
 * {@code directcare} ({@code migration} serves GP2GP migration, not offered here).
 */
public final class ReasonForRequestRule implements JwtRule {

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        if (!"directcare".equals(jwt.text(Claims.REASON_FOR_REQUEST))) {
            throw GpConnectException.badRequest("reason_for_request must be directcare");
        }
    }
}
