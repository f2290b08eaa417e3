package org.gpconnect.appointment.pds.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.gpconnect.appointment.pds.PdsLookup;
import org.jboss.logging.Logger;

/**
 * The PDS FHIR R4 API client: patient retrieval, {@code GET {base}/Patient/{nhsNumber}}, on Vert.x's non-blocking
 * HTTP client (one pooled client; the answer continues on the caller's Vert.x context, so the caller may go on with
 * Hibernate Reactive). Every request carries {@code X-Request-ID} (a new UUID per retrieval, the same on a retry, as
 * PDS asks), {@code X-Correlation-ID} (the consumer's Ssp-TraceID, to follow one GP Connect request into PDS's logs)
 * and {@code Authorization: Bearer}.
 *
 * <p>Answers: 200 → {@link PdsLookup.Found}; 404 → {@link PdsLookup.NotFound}, or {@link PdsLookup.Invalidated} for
 * {@code INVALIDATED_RESOURCE}; 400 {@code INVALID_RESOURCE_ID} → {@link PdsLookup.InvalidNumber}. I/O failures,
 * timeouts, 408, 429 and 5xx are tried again ({@code maxAttempts} in all, {@code backoff} apart); those and every
 * other answer (401/403: our token refused) end in {@link PdsUnavailableException}.
 */
public final class PdsClient {

    private static final Logger LOG = Logger.getLogger(PdsClient.class);
    /** Far above any Patient PDS returns; a bigger answer is not PDS's. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    /**
     * @param baseUrl        PDS FHIR R4 base, without a trailing slash
     * @param tokenFile      the file holding the bearer token
     * @param tokenRefresh   how long a token read from the file is used
     * @param caCertificate  PEM CA certificates to trust instead of the JVM's, if any
     * @param tlsRequired    refuse a plain-http base URL
     */
    public record Settings(URI baseUrl, Path tokenFile, Duration tokenRefresh, Duration connectTimeout,
                           Duration requestTimeout, int maxAttempts, Duration backoff, boolean tlsRequired,
                           Optional<Path> caCertificate, boolean verifyHost) {

        public Settings {
            if (tlsRequired && !"https".equalsIgnoreCase(baseUrl.getScheme())) {
                throw new IllegalArgumentException("gpconnect.appointments.pds.base-url must be an https URL while "
                        + "gpconnect.appointments.pds.tls.enabled is true (PDS carries patient data): " + baseUrl);
            }
            if (!"https".equalsIgnoreCase(baseUrl.getScheme()) && !"http".equalsIgnoreCase(baseUrl.getScheme())) {
                throw new IllegalArgumentException("gpconnect.appointments.pds.base-url is not an http(s) URL: " + baseUrl);
            }
        }
    }

    private final Settings settings;
    private final String base;
    private final HttpClient http;
    private final PdsAccessToken token;
    private final Clock clock;

    public PdsClient(Vertx vertx, Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxPoolSize(16)
                .setKeepAlive(true)
                .setVerifyHost(settings.verifyHost());
        settings.caCertificate().ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        this.http = vertx.createHttpClient(options);
        this.token = new PdsAccessToken(vertx, settings.tokenFile(), settings.tokenRefresh());
    }

    /**
     * Retrieves the PDS record of this NHS number.
     *
     * @param correlationId the consumer request's trace id, sent as {@code X-Correlation-ID} (may be null)
     */
    public Uni<PdsLookup> retrieve(String nhsNumber, String correlationId) {
        String requestId = UUID.randomUUID().toString();
        return Uni.createFrom().deferred(() -> token.current().chain(bearer -> attempt(nhsNumber, requestId, correlationId, bearer)))
                .onFailure(PdsClient::worthRetrying).retry()
                .withBackOff(settings.backoff(), settings.backoff()).atMost(settings.maxAttempts() - 1L)
                .onFailure(e -> !(e instanceof PdsUnavailableException))
                .transform(e -> new PdsUnavailableException("PDS retrieval failed: " + e, true, e))
                .onFailure().invoke(e -> LOG.warnf("PDS retrieval %s (X-Request-ID %s) failed: %s", redacted(nhsNumber),
                        requestId, e.getMessage()));
    }

    private Uni<PdsLookup> attempt(String nhsNumber, String requestId, String correlationId, String bearer) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(base + "/Patient/" + nhsNumber)
                .setIdleTimeout(settings.requestTimeout().toMillis())
                .putHeader("Accept", "application/fhir+json")
                .putHeader("X-Request-ID", requestId)
                .putHeader("Authorization", "Bearer " + bearer);
        if (correlationId != null && !correlationId.isBlank()) {
            request.putHeader("X-Correlation-ID", correlationId);
        }
        return http.request(request)
                .chain(r -> r.send())
                .chain(response -> body(response).map(body -> answer(response.statusCode(), body)))
                .ifNoItem().after(settings.requestTimeout())
                .failWith(() -> new PdsUnavailableException("no answer within " + settings.requestTimeout(), true))
                .onFailure(e -> !(e instanceof PdsUnavailableException))
                .transform(e -> new PdsUnavailableException("PDS could not be reached: " + e.getMessage(), true, e));
    }

    private static Uni<String> body(HttpClientResponse response) {
        String length = response.getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 12
                && Long.parseLong(length) > MAX_RESPONSE_BYTES) {
            return Uni.createFrom().failure(new PdsUnavailableException("PDS answered " + length + " bytes", false));
        }
        return response.body().map(Buffer::toString);
    }

    private PdsLookup answer(int status, String body) {
        if (body.length() > MAX_RESPONSE_BYTES) {
            throw new PdsUnavailableException("PDS answered more than " + MAX_RESPONSE_BYTES + " bytes", false);
        }
        switch (status) {
            case 200 -> {
                try {
                    return new PdsLookup.Found(PdsR4Reader.patient(body, LocalDate.now(clock)));
                } catch (IllegalArgumentException e) {
                    throw new PdsUnavailableException("PDS answered 200 with no readable Patient: " + e.getMessage(), false);
                }
            }
            case 404 -> {
                return "INVALIDATED_RESOURCE".equals(PdsR4Reader.errorCode(body)) ? new PdsLookup.Invalidated() : new PdsLookup.NotFound();
            }
            case 400 -> {
                String code = PdsR4Reader.errorCode(body);
                if ("INVALID_RESOURCE_ID".equals(code)) {
                    return new PdsLookup.InvalidNumber();
                }
                throw new PdsUnavailableException("PDS refused the request: 400 " + code, false);
            }
            case 408, 429, 500, 502, 503, 504 -> throw new PdsUnavailableException("PDS answered " + status, true);
            default -> throw new PdsUnavailableException("PDS answered " + status + " " + PdsR4Reader.errorCode(body)
                    + (status == 401 || status == 403 ? " (the access token was refused)" : ""), false);
        }
    }

    private static boolean worthRetrying(Throwable failure) {
        return failure instanceof PdsUnavailableException pds && pds.transientFailure();
    }

    /** Log lines name only the last three digits of an NHS number. */
    private static String redacted(String nhsNumber) {
        return nhsNumber.length() > 3 ? "*******" + nhsNumber.substring(nhsNumber.length() - 3) : "***";
    }

    public void close() {
        http.closeAndAwait();
    }
}
