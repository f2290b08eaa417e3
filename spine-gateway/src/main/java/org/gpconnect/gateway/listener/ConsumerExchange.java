package org.gpconnect.gateway.listener;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.gateway.audit.AuditTrail;
import org.gpconnect.gateway.audit.ExchangeAudit;
import org.gpconnect.gateway.check.ConsumerRequest;
import org.gpconnect.gateway.check.RequestChecks;
import org.gpconnect.gateway.check.SspHeaders;
import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.error.RejectionWriter;
import org.gpconnect.gateway.limit.RateLimitDecision;
import org.gpconnect.gateway.proxy.Forwarder;
import org.gpconnect.gateway.proxy.GatewayMetrics;
import org.gpconnect.gateway.token.InternalTokenIssuer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One consumer request from arrival to the end of its response: checked, then rejected with the spec's
 * outcome or forwarded to its service, and in every case audited and measured when the response ends.
 * Runs on the event loop and never blocks.
 */
@ApplicationScoped
public class ConsumerExchange {

    private static final Logger LOG = Logger.getLogger(ConsumerExchange.class);

    private final RequestChecks checks;
    private final InternalTokenIssuer tokens;
    private final Forwarder forwarder;
    private final AuditTrail audit;
    private final GatewayMetrics metrics;
    private final ExchangeSpan spans;

    public ConsumerExchange(RequestChecks checks, InternalTokenIssuer tokens, Forwarder forwarder, AuditTrail audit,
                            GatewayMetrics metrics, ExchangeSpan spans) {
        this.spans = spans;
        this.checks = checks;
        this.tokens = tokens;
        this.forwarder = forwarder;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * A request the HTTP layer could parse. Its body is paused until the request is accepted. {@code done}
     * runs once when the response has ended or the connection closed (the listener counts requests in flight).
     */
    public void handle(HttpServerRequest http, Runnable done) {
        ConsumerRequest request = new ConsumerRequest(http.method().name(), http.uri(), http.headers());
        Span span = spans.start(request.method(), request.header(SspHeaders.TRACE_ID));
        ExchangeAudit exchange = begin(http, request, span, done);
        try {
            route(http, request, exchange, span);
        } catch (RuntimeException e) {
            // a bug must still get an OperationOutcome, never a container error page
            LOG.error("Unexpected failure in the gateway", e);
            if (!http.response().headWritten()) {
                reject(http, null, exchange);
            }
        }
    }

    /**
     * A request the HTTP layer could not parse (bad request line or escape, URI or headers too long): the
     * status the protocol calls for, with an OperationOutcome, audited like any other.
     */
    public void handleInvalid(HttpServerRequest http, int status, String problem, Runnable done) {
        ConsumerRequest request = new ConsumerRequest(http.method() == null ? "UNKNOWN" : http.method().name(),
                "", http.headers());
        ExchangeAudit exchange = begin(http, request, spans.start(request.method(), request.header(SspHeaders.TRACE_ID)), done);
        http.response().putHeader("Connection", "close");
        reject(http, GatewayRejection.gpConnect(new GpConnectException(status,
                org.gpconnect.common.error.SpineCode.BAD_REQUEST, "invalid", problem)), exchange);
    }

    private ExchangeAudit begin(HttpServerRequest http, ConsumerRequest request, Span span, Runnable done) {
        ExchangeAudit exchange = new ExchangeAudit();
        String traceId = request.header(SspHeaders.TRACE_ID);
        if (traceId != null) {
            MDC.put("traceId", traceId.length() > 64 ? traceId.substring(0, 64) : traceId);
        }
        HttpServerResponse response = http.response();
        // every response, errors included (foundations.md §4 "Caching")
        response.headersEndHandler(v -> response.headers().set("Cache-Control", "no-store"));
        boolean[] finished = {false};
        // the response has one end handler and one close handler: everything that waits for either goes here
        Runnable finish = () -> {
            if (!finished[0]) {
                finished[0] = true;
                try {
                    finish(http, request, exchange);
                    spans.end(span, http.response().getStatusCode());
                } finally {
                    done.run();
                }
            }
        };
        response.endHandler(v -> finish.run());
        response.closeHandler(v -> finish.run());
        return exchange;
    }

    private void route(HttpServerRequest http, ConsumerRequest request, ExchangeAudit exchange, Span span) {
        try {
            checks.run(request);
        } catch (GatewayRejection rejection) {
            if (request.interaction() != null) {
                spans.identify(span, request.interaction());
            }
            reject(http, rejection, exchange);
            return;
        }
        spans.identify(span, request.interaction());
        String token = tokens.issue(request);
        HttpServerResponse response = http.response();
        rateLimitHeaders(response, request.rateLimit());
        // The span becomes the current context of this request's own duplicated Vert.x context, for the rest
        // of the exchange, so the HTTP client's span of the call (and its traceparent header) is its child.
        // The scope is left open on purpose: the duplicated context, and the span with it, ends with the request.
        @SuppressWarnings("unused")
        Scope current = span.makeCurrent();
        forwarder.forward(http, request, token)
                .compose(answer -> forwarder.relay(answer, response, exchange))
                .onFailure(failure -> {
                    if (!response.headWritten()) {
                        reject(http, failure instanceof GatewayRejection r ? r : null, exchange);
                    } else {
                        LOG.warnf("Response from the service broke off mid-stream (%s)", failure.toString());
                        http.connection().close();
                    }
                });
    }

    private void reject(HttpServerRequest http, GatewayRejection rejection, ExchangeAudit exchange) {
        if (rejection == null) {
            exchange.outcome("INTERNAL_SERVER_ERROR", "INTERNAL_SERVER_ERROR");
        } else {
            exchange.outcome(rejection.code(), rejection.kind());
            if (rejection.rateLimit() != null) {
                rateLimitHeaders(http.response(), rejection.rateLimit());
                http.response().putHeader("Retry-After", Long.toString(rejection.rateLimit().resetSeconds()));
            }
        }
        http.resume(); // let an unread body drain so the connection can be reused
        RejectionWriter.write(http, rejection);
    }

    private void finish(HttpServerRequest http, ConsumerRequest request, ExchangeAudit exchange) {
        int status = http.response().getStatusCode();
        String path = http.path();
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
