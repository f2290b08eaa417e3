package org.gpconnect.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.gpconnect.gateway.check.ConsumerRequest;
import org.gpconnect.gateway.check.RequestChecks;
import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.error.RejectionWriter;
import org.gpconnect.gateway.token.InternalTokenIssuer;
import org.jboss.logging.Logger;

/**
 * The consumer-facing door: every request outside the gateway's own paths ({@code /q/} probes and
 * metrics, {@code /admin/} operator APIs) is checked, and either rejected with the spec's outcome or
 * forwarded to its service. Runs on the event loop and never blocks.
 */
@ApplicationScoped
public class GatewayRoute {

    private static final Logger LOG = Logger.getLogger(GatewayRoute.class);
    /** Just after the Cache-Control handler (Integer.MIN_VALUE), before anything else. */
    static final int ORDER = Integer.MIN_VALUE + 1;

    private final RequestChecks checks;
    private final InternalTokenIssuer tokens;
    private final Forwarder forwarder;

    public GatewayRoute(RequestChecks checks, InternalTokenIssuer tokens, Forwarder forwarder) {
        this.checks = checks;
        this.tokens = tokens;
        this.forwarder = forwarder;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        try {
            route(ctx);
        } catch (RuntimeException e) {
            // a bug must still get an OperationOutcome, never a container error page
            LOG.error("Unexpected failure in the gateway", e);
            if (!ctx.response().headWritten()) {
                reject(ctx, null);
            }
        }
    }

    private void route(RoutingContext ctx) {
        HttpServerRequest http = ctx.request();
        String target = http.uri();
        if (target.startsWith("/q/") || target.startsWith("/admin/")) {
            ctx.next();
            return;
        }
        http.pause(); // the body waits until the request is accepted and the service is connected
        ConsumerRequest request = new ConsumerRequest(http.method().name(), target, http.headers());
        try {
            checks.run(request);
        } catch (GatewayRejection rejection) {
            reject(ctx, rejection);
            return;
        }
        String token = tokens.issue(request);
        HttpServerResponse response = ctx.response();
        forwarder.forward(http, request, token)
                .compose(answer -> forwarder.relay(answer, response))
                .onFailure(failure -> {
                    if (!response.headWritten()) {
                        reject(ctx, failure instanceof GatewayRejection r ? r : null);
                    } else {
                        LOG.warnf("Response from the service broke off mid-stream (%s)", failure.toString());
                        http.connection().close();
                    }
                });
    }

    private void reject(RoutingContext ctx, GatewayRejection rejection) {
        ctx.request().resume(); // let the unread body drain so the connection can be reused
        RejectionWriter.write(ctx, rejection);
    }
}
