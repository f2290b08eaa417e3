package org.gpconnect.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.fhir.FhirVersion;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The FHIR service roots ({@code /{ODS}/{STU3|DSTU2}/...}) answer consumer requests only: a valid internal
 * token is not enough, it must carry the consumer role the gateway gives accepted requests. An operator's or
 * GP system's token (practice-admin, practice-inbox) opens the admin APIs, not the consumers' API.
 */
public class ConsumerRoleFilter {

    private final SecurityIdentity identity;

    public ConsumerRoleFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public void requireConsumer(ContainerRequestContext request) {
        if (FhirVersion.fromPath(request.getUriInfo().getPath()).isPresent()
                && !identity.isAnonymous() && !identity.hasRole(InternalToken.CONSUMER_ROLE)) {
            throw new GpConnectException(SpineCode.ACCESS_DENIED, "Only requests that came through the spine-gateway may use the FHIR API");
        }
    }
}
