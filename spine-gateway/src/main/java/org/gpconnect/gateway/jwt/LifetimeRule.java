package org.gpconnect.gateway.jwt;

import org.gpconnect.common.error.GpConnectException;

/**
 * §3.2: {@code exp} is exactly {@code iat + 300} (299 and 301 both fail) and has not passed; an {@code iat}
 * in the future is accepted (test pack #188: consumers' clocks run a little fast).
 */
public final class LifetimeRule implements JwtRule {

    static final long LIFETIME_SECONDS = 300;

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        long iat = jwt.number(Claims.IAT);
        long exp = jwt.number(Claims.EXP);
        if (exp - iat != LIFETIME_SECONDS) {
            throw GpConnectException.badRequest("The JWT exp must be exactly iat + 300 seconds");
        }
        if (context.now().getEpochSecond() >= exp) {
            throw GpConnectException.badRequest("The JWT has expired");
        }
    }
}
