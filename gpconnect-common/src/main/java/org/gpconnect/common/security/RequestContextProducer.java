package org.gpconnect.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Makes the verified internal token's context injectable into request handling code. */
public class RequestContextProducer {

    @Produces
    @RequestScoped
    GpConnectRequestContext context(JsonWebToken token) {
        return new GpConnectRequestContext(
                token.getClaim(InternalToken.TRACE_ID),
                token.getClaim(InternalToken.INTERACTION_ID),
                token.getClaim(InternalToken.CONSUMER_ASID),
                token.getClaim(InternalToken.PROVIDER_ASID),
                token.getClaim(InternalToken.PROVIDER_ODS),
                token.getClaim(InternalToken.ORGANIZATION_ODS),
                token.getClaim(InternalToken.ORGANIZATION_NAME),
                token.getSubject(),
                token.getClaim(InternalToken.PRACTITIONER_SDS_USER_ID),
                token.getClaim(InternalToken.PRACTITIONER_SDS_ROLE_PROFILE_ID),
                token.getClaim(InternalToken.PRACTITIONER_NAME),
                token.getClaim(InternalToken.DEVICE),
                token.getClaim(InternalToken.SCOPE));
    }
}
