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
                if (request.path().endsWith("/Patient/$gpc.getcarerecord")) {
                    careRecord(request, body.toString());
                    return;
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

    /** NHS number the stub's care record answers 404 PATIENT_NOT_FOUND for (patient14 of the dataset: not on Spine). */
    public static final String UNKNOWN_PATIENT = "9476718943";

    /**
     * Access Record HTML as access-record-service shapes it (access-record-html.md §3): a Bundle whose
     * Composition's section holds the XHTML and whose Patient is the one asked for; or a DSTU2
     * OperationOutcome for {@link #UNKNOWN_PATIENT}.
     */
    private static void careRecord(io.vertx.core.http.HttpServerRequest request, String parameters) {
        var response = request.response().putHeader("Content-Type", "application/json+fhir;charset=utf-8");
        if (parameters.contains(UNKNOWN_PATIENT)) {
            response.putHeader("X-GPC-Outcome-Code", "PATIENT_NOT_FOUND").setStatusCode(404).end("{\"resourceType\":\"OperationOutcome\","
                    + "\"meta\":{\"profile\":[\"http://fhir.nhs.net/StructureDefinition/gpconnect-operationoutcome-1\"]},"
                    + "\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\",\"details\":{\"coding\":[{"
                    + "\"system\":\"http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1\",\"code\":\"PATIENT_NOT_FOUND\","
                    + "\"display\":\"Patient not found\"}]},\"diagnostics\":\"No patient details found for this NHS number\"}]}");
            return;
        }
        String div = "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><h1>Summary</h1><div><h2>Current Allergies and Adverse Reactions</h2>"
                + "<table id=\\\"all-tab-curr\\\"><thead><tr><th>Start Date</th><th>Details</th></tr></thead>"
                + "<tbody><tr><td class=\\\"date-column\\\">27-Jul-1963</td><td>Sesame oil (substance)</td></tr></tbody></table></div></div>";
        response.putHeader("X-GPC-Audit-NHS-Number", "9690937286").setStatusCode(200).end("{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
                + "\"entry\":[{\"resource\":{\"resourceType\":\"Composition\",\"id\":\"1\",\"title\":\"Patient Care Record\","
                + "\"status\":\"final\",\"section\":[{\"title\":\"Summary\",\"text\":{\"status\":\"generated\",\"div\":\"" + div + "\"}}]}},"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"2\",\"identifier\":[{\"system\":\"http://fhir.nhs.net/Id/nhs-number\","
                + "\"value\":\"9690937286\"}],\"name\":[{\"family\":[\"SKELLY\"],\"given\":[\"Horace\"],\"prefix\":[\"MR\"]}],"
                + "\"gender\":\"male\",\"birthDate\":\"1925-04-21\"}}]}");
    }

    public static List<Received> received() {
        return RECEIVED;
    }

    public static void clear() {
        RECEIVED.clear();
    }
}
