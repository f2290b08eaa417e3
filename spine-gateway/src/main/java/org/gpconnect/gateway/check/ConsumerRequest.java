package org.gpconnect.gateway.check;

import io.vertx.core.MultiMap;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.gateway.routing.RoutedRequest;
import org.gpconnect.gateway.jwt.ConsumerJwt;
import org.gpconnect.gateway.limit.RateLimitDecision;

/**
 * A consumer request as the checks see it, filled in as they pass: first the raw method, target and
 * headers, then where it routes, which interaction it is and the decoded JWT.
 */
public final class ConsumerRequest {

    private final String method;
    private final String target;
    private final MultiMap headers;
    private RoutedRequest route;
    private Interaction interaction;
    private ConsumerJwt jwt;
    private RateLimitDecision rateLimit = RateLimitDecision.UNLIMITED;

    public ConsumerRequest(String method, String target, MultiMap headers) {
        this.method = method;
        this.target = target;
        this.headers = headers;
    }

    public String method() {
        return method;
    }

    /** The raw request-target (path and query), never decoded or normalised. */
    public String target() {
        return target;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public MultiMap headers() {
        return headers;
    }

    public RoutedRequest route() {
        return route;
    }

    void route(RoutedRequest route) {
        this.route = route;
    }

    public Interaction interaction() {
        return interaction;
    }

    void interaction(Interaction interaction) {
        this.interaction = interaction;
    }

    public ConsumerJwt jwt() {
        return jwt;
    }

    void jwt(ConsumerJwt jwt) {
        this.jwt = jwt;
    }

    /** The consumer's rate-limit standing, reported in X-Rate-Limit-* headers. */
    public RateLimitDecision rateLimit() {
        return rateLimit;
    }

    void rateLimit(RateLimitDecision rateLimit) {
        this.rateLimit = rateLimit;
    }

    public String traceId() {
        return headers.get(SspHeaders.TRACE_ID);
    }
}
