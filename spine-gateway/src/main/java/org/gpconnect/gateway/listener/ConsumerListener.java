package org.gpconnect.gateway.listener;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gpconnect.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * The consumer-facing HTTP listener, separate from the Quarkus HTTP server (which keeps the probes,
 * metrics and operator APIs on the admin port). Owning the server is what lets the gateway answer even
 * requests the HTTP layer itself cannot parse — a malformed request line or % escape, a URI or header
 * section too long — with an OperationOutcome instead of an empty 400 (foundations.md §4,
 * "Protocol-level errors"). One server instance per event loop shares the port.
 */
@ApplicationScoped
public class ConsumerListener {

    private static final Logger LOG = Logger.getLogger(ConsumerListener.class);

    private final Vertx vertx;
    private final GatewayConfig.Listener config;
    private final ConsumerExchange exchange;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private String deployment;

    public ConsumerListener(Vertx vertx, GatewayConfig config, ConsumerExchange exchange) {
        this.vertx = vertx;
        this.config = config.listener();
        this.exchange = exchange;
    }

    /** After the registries have loaded, so no consumer request meets an empty registry. */
    void start(@Observes @Priority(100) StartupEvent event) throws Exception {
        int instances = config.eventLoops().orElse(Runtime.getRuntime().availableProcessors());
        deployment = vertx.deployVerticle(() -> new ListenerVerticle(), new DeploymentOptions().setInstances(instances))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.infof("Consumer listener on %s:%d (%d event loops)", config.host(), config.port(), instances);
    }

    /**
     * Graceful stop: readiness goes DOWN first (so the load balancer stops sending), requests already in
     * flight get up to the drain timeout to finish, then the listener closes.
     */
    void stop(@Observes ShutdownEvent event) throws Exception {
        draining = true;
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        Thread.sleep(Math.min(config.drainDelay().toMillis(), config.drainTimeout().toMillis()));
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (inFlight.get() > 0) {
            LOG.warnf("Closing the consumer listener with %d requests still in flight", inFlight.get());
        }
        if (deployment != null) {
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Listening and not draining: the readiness probe's view of the consumer listener. */
    public boolean accepting() {
        return deployment != null && !draining;
    }

    int inFlight() {
        return inFlight.get();
    }

    private final class ListenerVerticle extends AbstractVerticle {

        @Override
        public void start(Promise<Void> started) {
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.host())
                    .setPort(config.port())
                    .setMaxHeaderSize(config.maxHeaderSize())
                    .setMaxInitialLineLength(config.maxRequestLineLength())
                    .setIdleTimeout((int) config.idleTimeout().toSeconds())
                    .setIdleTimeoutUnit(TimeUnit.SECONDS)
                    .setCompressionSupported(false) // bodies pass through as the service encoded them
                    .setTcpNoDelay(true);
            vertx.createHttpServer(options)
                    .requestHandler(this::request)
                    .invalidRequestHandler(this::invalid)
                    .listen()
                    .<Void>mapEmpty()
                    .onComplete(started);
        }

        /** Each request on its own duplicated context, so the MDC (trace id) is the request's alone. */
        private void request(HttpServerRequest request) {
            request.pause(); // the body waits until the request is accepted and the service is connected
            inFlight.incrementAndGet();
            // not a response end handler of its own: the exchange sets that handler, and a second would replace it
            VertxContext.createNewDuplicatedContext(context).runOnContext(v -> exchange.handle(request, inFlight::decrementAndGet));
        }

        private void invalid(HttpServerRequest request) {
            Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
            int status;
            String problem;
            if (cause instanceof TooLongHttpLineException) {
                status = 414;
                problem = "The request line is longer than " + config.maxRequestLineLength() + " bytes";
            } else if (cause instanceof TooLongHttpHeaderException) {
                status = 431;
                problem = "The request headers are larger than " + config.maxHeaderSize() + " bytes";
            } else {
                status = 400;
                problem = "The request is not valid HTTP (request line, URI or headers malformed)";
            }
            inFlight.incrementAndGet();
            VertxContext.createNewDuplicatedContext(context).runOnContext(
                    v -> exchange.handleInvalid(request, status, problem, inFlight::decrementAndGet));
        }
    }
}
