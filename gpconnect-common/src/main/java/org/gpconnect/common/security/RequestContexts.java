package org.gpconnect.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The validated context of the current request, read from its internal token. A bean with a method rather
 * than an injectable {@link GpConnectRequestContext}: a record cannot be given a request-scoped client proxy,
 * and the token it reads is request-scoped already.
 */
@ApplicationScoped
public class RequestContexts {

    private final JsonWebToken token;
    private final HttpHeaders headers;

    public RequestContexts(JsonWebToken token, HttpHeaders headers) {
        this.token = token;
        this.headers = headers;
    }

    /** The current request's context; call it on the request, before the work leaves it. */
    public GpConnectRequestContext current() {
        return new GpConnectRequestContext(
                TraceIds.of(token, headers.getHeaderString(TraceIds.HEADER)),
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
