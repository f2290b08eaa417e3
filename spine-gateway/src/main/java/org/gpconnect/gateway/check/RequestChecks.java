package org.gpconnect.gateway.check;

import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.gateway.accreditation.AccreditationRegistry;
import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.limit.RateLimitDecision;
import org.gpconnect.gateway.limit.RateLimiter;
import org.gpconnect.gateway.routing.EndpointRegistry;

/**
 * Runs the gateway's checks in the order of foundations.md §2.4, stopping at the first that fails (it
 * throws a {@link GatewayRejection} saying how to answer): the global limit, Ssp-* headers present, the
 * target is a registered service root, Ssp-To is its ASID, the interaction fits the request, the JWT, the
 * SSP's accreditation checks, the consumer's own limit, and content negotiation.
 */
@ApplicationScoped
public class RequestChecks {

    private final EndpointRegistry registry;
    private final AccreditationRegistry accreditations;
    private final RateLimiter limiter;

    public RequestChecks(EndpointRegistry registry, AccreditationRegistry accreditations, RateLimiter limiter) {
        this.registry = registry;
        this.accreditations = accreditations;
        this.limiter = limiter;
    }

    public void run(ConsumerRequest request) {
        RateLimitDecision global = limiter.acquireGlobal();
        if (!global.allowed()) {
            throw GatewayRejection.throttled(null, global);
        }
        SspHeadersPresentCheck.check(request);
        RoutingCheck.check(request, registry);
        ProviderAsidCheck.check(request);
        InteractionCheck.check(request);
        JwtCheck.check(request);
        AccreditationCheck.check(request, accreditations);
        RateLimitDecision own = limiter.acquire(request.header(SspHeaders.FROM), request.interaction());
        request.rateLimit(own);
        if (!own.allowed()) {
            throw GatewayRejection.throttled(request.header(SspHeaders.FROM), own);
        }
        ContentTypeCheck.check(request);
    }
}
