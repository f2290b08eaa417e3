package org.gpconnect.gateway.check;

import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.gateway.routing.EndpointRegistry;

/**
 * Runs the gateway's checks in the order of foundations.md §2.4, stopping at the first that fails (it
 * throws a {@link org.gpconnect.gateway.error.GatewayRejection} saying how to answer).
 */
@ApplicationScoped
public class RequestChecks {

    private final EndpointRegistry registry;

    public RequestChecks(EndpointRegistry registry) {
        this.registry = registry;
    }

    public void run(ConsumerRequest request) {
        SspHeadersPresentCheck.check(request);
        RoutingCheck.check(request, registry);
        ProviderAsidCheck.check(request);
        InteractionCheck.check(request);
        JwtCheck.check(request);
        ContentTypeCheck.check(request);
    }
}
