package org.gpconnect.gateway.jwt;

import org.gpconnect.common.error.GpConnectException;

/** §3.1-§3.2: {@code sub} identifies the user, so it must equal {@code requesting_practitioner.id}. */
public final class PractitionerSubjectRule implements JwtRule {

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        String id = jwt.claim(Claims.REQUESTING_PRACTITIONER).path("id").asText();
        if (!id.equals(jwt.text(Claims.SUB))) {
            throw GpConnectException.badRequest("The JWT sub must equal requesting_practitioner.id");
        }
    }
}
