package org.gpconnect.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in provider service for the gateway's own tests: a real HTTP server that records what reached
 * it and answers 200 with a small FHIR body (or {@code /slow}: never answers in time).
 */
public final class StubService {

    public record Received(String method, String uri, Map<String, String> headers, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static Vertx vertx;
    private static HttpServer server;

    private StubService() {
    }

    public static synchronized int start() throws Exception {
        if (server == null) {
            vertx = Vertx.vertx();
            server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setMaxHeaderSize(1024 * 1024)).requestHandler(request -> request.body().onSuccess(body -> {
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
                RECEIVED.add(new Received(request.method().name(), request.uri(), headers, body.toString()));
                if (request.path().endsWith("/slow")) {
                    return; // never answers
                }
                if (request.path().contains("/Patient/")) {
                    // as a service does for a read by logical id: names the patient for the audit
                    request.response().putHeader("X-GPC-Audit-NHS-Number", "9690937286");
                }
                request.response().putHeader("Content-Type", "application/fhir+json;charset=utf-8")
                        .putHeader("ETag", "W/\"1\"")
                        .setStatusCode(200)
                        .end(Buffer.buffer("{\"resourceType\":\"CapabilityStatement\",\"echo\":" + body.length() + "}"));
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        return server.actualPort();
    }

    public static List<Received> received() {
        return RECEIVED;
    }

    public static void clear() {
        RECEIVED.clear();
    }
}
