package org.gpconnect.appointment.booking.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gpconnect.common.security.GpConnectRequestContext;
import org.gpconnect.common.security.InternalToken;

/**
 * The validated context of the current request, read from its internal token.
 *
 * <p>Why not inject {@link GpConnectRequestContext}: gpconnect-common produces it {@code @RequestScoped}, and ArC
 * refuses a normal-scoped producer of a record (records are final, so no client proxy can be made); the
 * deployment fails as soon as anything injects it. Until the shared producer is fixed (e.g. {@code @Dependent}),
 * this builds the same record from the same claims.
 */
@ApplicationScoped
public class RequestContexts {

    private final JsonWebToken token;

    public RequestContexts(JsonWebToken token) {
        this.token = token;
    }

    /** The current request's context; call it on the request, before the work leaves it. */
    public GpConnectRequestContext current() {
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
