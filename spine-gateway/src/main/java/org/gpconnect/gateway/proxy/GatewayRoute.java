package org.gpconnect.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.gpconnect.gateway.audit.AuditTrail;
import org.gpconnect.gateway.audit.ExchangeAudit;
import org.gpconnect.gateway.check.ConsumerRequest;
import org.gpconnect.gateway.check.RequestChecks;
import org.gpconnect.gateway.check.SspHeaders;
import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.error.RejectionWriter;
import org.gpconnect.gateway.limit.RateLimitDecision;
import org.gpconnect.gateway.token.InternalTokenIssuer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The consumer-facing door: every request outside the gateway's own paths ({@code /q/} probes and
 * metrics, {@code /admin/} operator APIs) is checked, then either rejected with the spec's outcome or
 * forwarded to its service, and in both cases audited and measured when its response ends. Runs on the
 * event loop and never blocks.
 */
@ApplicationScoped
public class GatewayRoute {

    private static final Logger LOG = Logger.getLogger(GatewayRoute.class);
    /** Just after the Cache-Control handler (Integer.MIN_VALUE), before anything else. */
    static final int ORDER = Integer.MIN_VALUE + 1;

    private final RequestChecks checks;
    private final InternalTokenIssuer tokens;
    private final Forwarder forwarder;
    private final AuditTrail audit;
    private final GatewayMetrics metrics;

    public GatewayRoute(RequestChecks checks, InternalTokenIssuer tokens, Forwarder forwarder, AuditTrail audit,
                        GatewayMetrics metrics) {
        this.checks = checks;
        this.tokens = tokens;
        this.forwarder = forwarder;
        this.audit = audit;
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest http = ctx.request();
        String target = http.uri();
        if (target.startsWith("/q/") || target.startsWith("/admin/")) {
            ctx.next();
            return;
        }
        http.pause(); // the body waits until the request is accepted and the service is connected
        ConsumerRequest request = new ConsumerRequest(http.method().name(), target, http.headers());
        ExchangeAudit exchange = new ExchangeAudit();
        String traceId = request.header(SspHeaders.TRACE_ID);
        if (traceId != null) {
            MDC.put("traceId", traceId.length() > 64 ? traceId.substring(0, 64) : traceId);
        }
        ctx.addEndHandler(done -> finish(ctx, request, exchange));
        try {
            route(ctx, request, exchange);
        } catch (RuntimeException e) {
            // a bug must still get an OperationOutcome, never a container error page
            LOG.error("Unexpected failure in the gateway", e);
            if (!ctx.response().headWritten()) {
                reject(ctx, null, exchange);
            }
        }
    }

    private void route(RoutingContext ctx, ConsumerRequest request, ExchangeAudit exchange) {
        try {
            checks.run(request);
        } catch (GatewayRejection rejection) {
            reject(ctx, rejection, exchange);
            return;
        }
        String token = tokens.issue(request);
        HttpServerResponse response = ctx.response();
        rateLimitHeaders(response, request.rateLimit());
        forwarder.forward(ctx.request(), request, token)
                .compose(answer -> forwarder.relay(answer, response, exchange))
                .onFailure(failure -> {
                    if (!response.headWritten()) {
                        reject(ctx, failure instanceof GatewayRejection r ? r : null, exchange);
                    } else {
                        LOG.warnf("Response from the service broke off mid-stream (%s)", failure.toString());
                        ctx.request().connection().close();
                    }
                });
    }

    private void reject(RoutingContext ctx, GatewayRejection rejection, ExchangeAudit exchange) {
        if (rejection == null) {
            exchange.outcome("INTERNAL_SERVER_ERROR", "INTERNAL_SERVER_ERROR");
        } else {
            exchange.outcome(rejection.code(), rejection.kind());
        }
        if (rejection != null && rejection.rateLimit() != null) {
            rateLimitHeaders(ctx.response(), rejection.rateLimit());
            ctx.response().putHeader("Retry-After", Long.toString(rejection.rateLimit().resetSeconds()));
        }
        ctx.request().resume(); // let the unread body drain so the connection can be reused
        RejectionWriter.write(ctx, rejection);
    }

    private void finish(RoutingContext ctx, ConsumerRequest request, ExchangeAudit exchange) {
        int status = ctx.response().getStatusCode();
        String path = ctx.request().path();
        audit.record(exchange.toEvent(request, path == null ? "" : path, status));
        String outcome = status < 400 ? null : exchange.outcomeKind() != null ? exchange.outcomeKind() : "HTTP_" + status;
        metrics.record(request.interaction(), status, outcome, exchange.elapsedMillis() * 1_000_000);
    }

    private static void rateLimitHeaders(HttpServerResponse response, RateLimitDecision decision) {
        if (decision.limited()) {
            response.putHeader("X-Rate-Limit-Limit", Long.toString(decision.limit()));
            response.putHeader("X-Rate-Limit-Remaining", Long.toString(decision.remaining()));
            response.putHeader("X-Rate-Limit-Reset", Long.toString(decision.resetSeconds()));
        }
    }
}
