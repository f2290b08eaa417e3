package org.gpconnect.gateway.viewer;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Sends the viewer's consumer requests over real HTTP to this gateway's own consumer listener, so that
 * they meet every check, the audit, the limits and the proxy exactly as a consumer system's do. An
 * {@code https} listener URL is called over TLS, trusting the JVM's certificate authorities.
 */
@ApplicationScoped
public class ConsumerListenerClient {

    /** Larger answers are not shown: a care-record section is far smaller, so this is a guard, not a limit met in use. */
    static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private final HttpClient client;
    private final ViewerSettings settings;

    public ConsumerListenerClient(Vertx vertx, ViewerSettings settings) {
        this.settings = settings;
        URI url = settings.consumerUrl();
        boolean tls = "https".equals(url.getScheme());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(url.getPort() > 0 ? url.getPort() : (tls ? 443 : 80))
                .setSsl(tls)
                .setVerifyHost(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
                .setKeepAlive(true));
    }

    /** The listener's answer: status, Content-Type and body, once the body has arrived whole. */
    public record Answer(int status, String contentType, String body) {
    }

    public Uni<Answer> send(CareRecordCall call) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(call.target())
                .setIdleTimeout(settings.timeout().toMillis());
        call.headers().forEach(options::putHeader);
        return Uni.createFrom().<Answer>emitter(emitter -> client.request(options)
                .compose(request -> request.send(Buffer.buffer(call.body())))
                .onSuccess(response -> collect(response, emitter))
                .onFailure(emitter::fail))
                .onFailure(e -> !(e instanceof ViewerProblem)).transform(this::explain);
    }

    private static void collect(HttpClientResponse response, io.smallrye.mutiny.subscription.UniEmitter<? super Answer> emitter) {
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_ANSWER_BYTES) {
                response.request().reset();
                emitter.fail(new ViewerProblem(502, "The gateway's answer is larger than the viewer shows ("
                        + MAX_ANSWER_BYTES / (1024 * 1024) + " MiB)"));
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(emitter::fail);
        response.endHandler(v -> emitter.complete(new Answer(response.statusCode(), response.getHeader("Content-Type"), body.toString())));
    }

    /** What failed, in words an operator can act on. */
    private Throwable explain(Throwable failure) {
        String listener = settings.consumerUrl().toString();
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return new ViewerProblem(504, "The gateway's consumer listener at " + listener + " did not answer within "
                    + settings.timeout().toSeconds() + " s");
        }
        if (failure instanceof ConnectException) {
            return new ViewerProblem(502, "The gateway's consumer listener at " + listener
                    + " could not be reached (gpconnect.gateway.viewer.consumer-url): " + failure.getMessage());
        }
        return new ViewerProblem(502, "The request to the gateway's consumer listener at " + listener + " failed: " + failure);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
