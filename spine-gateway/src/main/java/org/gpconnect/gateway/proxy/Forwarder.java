package org.gpconnect.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.gpconnect.common.security.InternalHeaders;
import org.gpconnect.gateway.audit.ExchangeAudit;
import org.gpconnect.gateway.check.ConsumerRequest;
import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.error.SspOutcome;

/**
 * Sends an accepted request to its service and the answer back, streaming both bodies (neither is ever
 * held whole in memory), with the internal token in place of the consumer's JWT and an RFC 7239
 * {@code Forwarded} header. The service's status and headers pass through, except the internal ones,
 * which feed the audit record. Never retried: a write must not happen twice.
 */
@ApplicationScoped
public class Forwarder {

    /** Replaced or recomputed on the internal hop. */
    private static final Set<String> REQUEST_DROP = Set.of("host", "authorization", "forwarded", "traceparent", "tracestate",
            InternalHeaders.AUDIT_PATIENT_NHS_NUMBER.toLowerCase(), InternalHeaders.OUTCOME_CODE.toLowerCase());
    /** Not passed back to the consumer: internal, or set by the gateway itself. */
    private static final Set<String> RESPONSE_DROP = Set.of("cache-control",
            InternalHeaders.AUDIT_PATIENT_NHS_NUMBER.toLowerCase(), InternalHeaders.OUTCOME_CODE.toLowerCase());

    private final Backends backends;

    public Forwarder(Backends backends) {
        this.backends = backends;
    }

    /** Forwards; the returned future fails with a {@link GatewayRejection} when the service cannot be reached. */
    public Future<HttpClientResponse> forward(HttpServerRequest consumer, ConsumerRequest request, String internalToken) {
        Backends.Backend backend = backends.forCapability(request.interaction().capability());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setURI(backend.internalTarget(request.route().endpoint().odsCode(), request.route().relativePath(),
                        request.route().query()))
                .setIdleTimeout(backend.settings().responseTimeout().toMillis())
                .setHeaders(MultiMap.caseInsensitiveMultiMap());
        HopByHopHeaders.copy(consumer.headers(), options.getHeaders(), REQUEST_DROP);
        options.getHeaders().set("Authorization", "Bearer " + internalToken);
        options.getHeaders().set("Forwarded", forwarded(consumer));
        return backend.client().request(options)
                .compose(outgoing -> outgoing.send(consumer))
                .recover(failure -> Future.failedFuture(translate(failure, backend)));
    }

    /** Streams the service's answer to the consumer, noting what the audit needs from it. */
    public Future<Void> relay(HttpClientResponse answer, HttpServerResponse consumer, ExchangeAudit audit) {
        consumer.setStatusCode(answer.statusCode());
        audit.patientNhsNumber(answer.getHeader(InternalHeaders.AUDIT_PATIENT_NHS_NUMBER));
        String outcome = answer.getHeader(InternalHeaders.OUTCOME_CODE);
        if (outcome != null && outcome.matches("[A-Z_ ]{1,40}")) {
            audit.outcome(outcome, outcome);
        }
        HopByHopHeaders.copy(answer.headers(), consumer.headers(), RESPONSE_DROP);
        if (!answer.headers().contains("Content-Length")) {
            consumer.setChunked(true);
        }
        return answer.pipeTo(consumer);
    }

    private static GatewayRejection translate(Throwable failure, Backends.Backend backend) {
        if (failure instanceof GatewayRejection rejection) {
            return rejection;
        }
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return GatewayRejection.ssp(SspOutcome.timeout(backend.displayUrl()));
        }
        // refused, reset, or not HTTP: the SSP's 502
        return GatewayRejection.ssp(SspOutcome.communicationError(backend.displayUrl()));
    }

    private static String forwarded(HttpServerRequest consumer) {
        String forAddress = consumer.remoteAddress() == null ? "unknown" : quoteIfNeeded(consumer.remoteAddress().hostAddress());
        String host = consumer.authority() == null ? null : consumer.authority().toString();
        return "for=" + forAddress + (host == null ? "" : ";host=\"" + host.replace("\"", "") + "\"") + ";proto=" + consumer.scheme();
    }

    private static String quoteIfNeeded(String address) {
        return address.contains(":") ? "\"[" + address + "]\"" : address; // IPv6 literals must be quoted
    }
}
