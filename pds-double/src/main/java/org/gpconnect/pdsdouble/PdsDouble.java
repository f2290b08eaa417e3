package org.gpconnect.pdsdouble;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A PDS FHIR R4 API server for tests and the local run, so that the real PDS client is what the tests exercise.
 * It answers {@code GET {base}/Patient/{nhsNumber}} (patient retrieval) as PDS does:
 * <ul>
 *   <li>{@code X-Request-ID} must be present and a UUID (400 {@code MISSING_VALUE} / {@code INVALID_VALUE}) and is
 *       echoed, as is {@code X-Correlation-ID};</li>
 *   <li>{@code Authorization: Bearer <token>} must carry the access token the double was given (401
 *       {@code ACCESS_DENIED});</li>
 *   <li>a malformed NHS number is 400 {@code INVALID_RESOURCE_ID}, an unknown one 404 {@code RESOURCE_NOT_FOUND},
 *       an invalidated record 404 {@code INVALIDATED_RESOURCE};</li>
 *   <li>a superseded NHS number answers with the surviving record, whose {@code id} is the new number;</li>
 *   <li>200 answers are R4 Patients ({@link PdsRecord#toJson()}) with {@code ETag: W/"<versionId>"}.</li>
 * </ul>
 * Errors are PDS-style OperationOutcomes (CodeSystem {@value #PDS_ERROR_CODES}).
 *
 * <p>Faults for tests: every request failing with a status until {@link #recover()}, the next n requests failing,
 * slow answers.
 */
public final class PdsDouble implements AutoCloseable {

    /** Where the PDS FHIR API lives under the host, as on the NHS API platform. */
    public static final String BASE_PATH = "/personal-demographics/FHIR/R4";
    public static final String PDS_ERROR_CODES = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";
    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NHS_NUMBER_SHAPE = Pattern.compile("[0-9]{10}");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, PdsRecord> records = new ConcurrentHashMap<>();
    private final Map<String, String> superseded = new ConcurrentHashMap<>();
    private final Set<String> invalidated = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger transientFailures = new AtomicInteger();
    private volatile int transientStatus = 503;
    private volatile int outageStatus;
    private volatile Duration delay = Duration.ZERO;
    private volatile String accessToken;

    /**
     * A request as the double received it, for assertions on what the client sent.
     *
     * @param path          request path (no query)
     * @param requestId     {@code X-Request-ID}, or null
     * @param correlationId {@code X-Correlation-ID}, or null
     * @param authorization the {@code Authorization} header, or null
     * @param status        the status answered
     */
    public record RecordedRequest(String method, String path, String requestId, String correlationId,
                                  String authorization, int status) {
    }

    private PdsDouble(HttpServer server, String accessToken) {
        this.server = server;
        this.accessToken = accessToken;
        PdsDataset.Standard standard = PdsDataset.standard();
        records.putAll(standard.records());
        superseded.putAll(standard.superseded());
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "pds-double");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(BASE_PATH, this::handle);
        server.start();
    }

    /** Starts a plain-HTTP double on 127.0.0.1 ({@code port} 0: any free port) with the standard dataset. */
    public static PdsDouble start(int port, String accessToken) throws IOException {
        return new PdsDouble(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0), accessToken);
    }

    /** Starts an HTTPS double (server certificate and key in {@code tls}) with the standard dataset. */
    public static PdsDouble startTls(int port, String accessToken, SSLContext tls) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new PdsDouble(https, accessToken);
    }

    /** The PDS FHIR base URL, e.g. {@code http://127.0.0.1:41234/personal-demographics/FHIR/R4}. */
    public String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Adds or replaces a record. */
    public PdsDouble put(PdsRecord record) {
        records.put(record.nhsNumber(), record);
        return this;
    }

    /** The record PDS holds under this number (after following a supersession), or null. */
    public PdsRecord record(String nhsNumber) {
        return records.get(superseded.getOrDefault(nhsNumber, nhsNumber));
    }

    /** The record of {@code oldNumber} was merged into {@code newNumber}'s: requests for the old number get the new record. */
    public PdsDouble supersede(String oldNumber, String newNumber) {
        superseded.put(oldNumber, newNumber);
        return this;
    }

    /** The record was invalidated (created in error): 404 {@code INVALIDATED_RESOURCE}. */
    public PdsDouble invalidate(String nhsNumber) {
        invalidated.add(nhsNumber);
        return this;
    }

    /** Changes the access token the double accepts (a rotated token). */
    public PdsDouble accessToken(String token) {
        this.accessToken = token;
        return this;
    }

    /** Every request fails with {@code status} (e.g. 503) until {@link #recover()}. */
    public void outage(int status) {
        this.outageStatus = status;
    }

    /** Ends an {@link #outage}, the failures of {@link #failNextRequests} and any delay. */
    public void recover() {
        outageStatus = 0;
        transientFailures.set(0);
        delay = Duration.ZERO;
    }

    /** The next {@code count} requests are answered with {@code status}. */
    public void failNextRequests(int status, int count) {
        transientStatus = status;
        transientFailures.set(count);
    }

    /** Every answer waits this long first (a slow PDS). */
    public void delay(Duration wait) {
        this.delay = wait;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests for this NHS number's record. */
    public List<RecordedRequest> requestsFor(String nhsNumber) {
        return requests.stream().filter(r -> r.path().endsWith("/Patient/" + nhsNumber)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-ID");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Answer answer;
        try {
            Duration wait = delay;
            if (!wait.isZero()) {
                Thread.sleep(wait.toMillis());
            }
            answer = answer(exchange.getRequestMethod(), path, requestId, authorization);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = Answer.error(503, "transient", "SERVICE_UNAVAILABLE", "Service unavailable");
        }
        requests.add(new RecordedRequest(exchange.getRequestMethod(), path, requestId, correlationId, authorization, answer.status));
        byte[] body = answer.body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-ID", requestId);
        }
        if (correlationId != null) {
            exchange.getResponseHeaders().set("X-Correlation-ID", correlationId);
        }
        if (answer.etag != null) {
            exchange.getResponseHeaders().set("ETag", answer.etag);
        }
        exchange.sendResponseHeaders(answer.status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Answer answer(String method, String path, String requestId, String authorization) {
        if (outageStatus != 0) {
            return Answer.error(outageStatus, "transient", "SERVICE_UNAVAILABLE", "Service unavailable");
        }
        if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Answer.error(transientStatus, "transient", "SERVICE_UNAVAILABLE", "Service unavailable");
        }
        if (requestId == null || requestId.isBlank()) {
            return Answer.error(400, "required", "MISSING_VALUE",
                    "Invalid request with error - X-Request-ID header must be supplied to access this resource");
        }
        if (!UUID_FORMAT.matcher(requestId).matches()) {
            return Answer.error(400, "value", "INVALID_VALUE", "Invalid value - '" + requestId + "' in header 'X-Request-ID'");
        }
        if (authorization == null || !authorization.equals("Bearer " + accessToken)) {
            return Answer.error(401, "forbidden", "ACCESS_DENIED", "Access Denied - Unauthorised");
        }
        String prefix = BASE_PATH + "/Patient/";
        if (!path.startsWith(prefix) || path.length() == prefix.length() || path.indexOf('/', prefix.length()) >= 0) {
            return Answer.error(404, "not-found", "RESOURCE_NOT_FOUND", "Resource not found");
        }
        if (!"GET".equals(method)) {
            return Answer.error(405, "not-supported", "METHOD_NOT_ALLOWED", "Method not allowed");
        }
        String nhsNumber = path.substring(prefix.length());
        if (!NHS_NUMBER_SHAPE.matcher(nhsNumber).matches() || !checkDigitValid(nhsNumber)) {
            return Answer.error(400, "value", "INVALID_RESOURCE_ID", "Resource Id is invalid");
        }
        if (invalidated.contains(nhsNumber)) {
            return Answer.error(404, "not-found", "INVALIDATED_RESOURCE", "Resource that has been marked as invalid was requested");
        }
        PdsRecord record = record(nhsNumber);
        if (record == null) {
            return Answer.error(404, "not-found", "RESOURCE_NOT_FOUND", "Resource not found");
        }
        return new Answer(200, record.toJson(), "W/\"" + record.versionId() + "\"");
    }

    static boolean checkDigitValid(String nhsNumber) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nhsNumber.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == nhsNumber.charAt(9) - '0';
    }

    private record Answer(int status, String body, String etag) {
        static Answer error(int status, String issueCode, String spineCode, String display) {
            String body = new Json().open().field("resourceType", "OperationOutcome")
                    .name("issue").openArray().open()
                    .field("severity", "error")
                    .field("code", issueCode)
                    .name("details").open().name("coding").openArray().open()
                    .field("system", PDS_ERROR_CODES)
                    .field("version", "1")
                    .field("code", spineCode)
                    .field("display", display)
                    .close().closeArray().close()
                    .field("diagnostics", display)
                    .close().closeArray()
                    .close().toString();
            return new Answer(status, body, null);
        }
    }

    /** A random access token, for callers that need one and have no other. */
    public static String randomToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
