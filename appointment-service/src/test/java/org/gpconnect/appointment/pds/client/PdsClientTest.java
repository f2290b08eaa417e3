package org.gpconnect.appointment.pds.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.mutiny.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.gpconnect.appointment.pds.PdsLookup;
import org.gpconnect.pdsdouble.PdsDataset;
import org.gpconnect.pdsdouble.PdsDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDS FHIR API client against the PDS double: the headers PDS asks for, every kind of answer, retries of
 * transient failures only, timeouts, a token read from a file (and re-read after rotation), TLS with a custom CA.
 */
class PdsClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Vertx vertx;

    @TempDir
    Path dir;

    private PdsDouble pds;
    private Path tokenFile;
    private PdsClient client;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void start() throws Exception {
        pds = PdsDouble.start(0, "token-1");
        tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "token-1\n");
        client = client(pds.baseUrl(), false, Optional.empty(), Duration.ofSeconds(2), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        client.close();
        pds.close();
    }

    @Test
    void aRetrievalSendsTheHeadersPdsAsksFor() {
        PdsLookup lookup = client.retrieve("9651258500", "trace-123").await().atMost(WAIT);
        assertThat(lookup).isInstanceOfSatisfying(PdsLookup.Found.class, found -> {
            assertThat(found.patient().nhsNumber()).isEqualTo("9651258500");
            assertThat(found.patient().familyName()).isEqualTo("REA");
        });
        PdsDouble.RecordedRequest request = pds.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(PdsDouble.BASE_PATH + "/Patient/9651258500");
        assertThat(UUID.fromString(request.requestId()).toString()).isEqualTo(request.requestId());
        assertThat(request.correlationId()).isEqualTo("trace-123");
        assertThat(request.authorization()).isEqualTo("Bearer token-1");
        // a new X-Request-ID per retrieval
        client.retrieve("9651258500", null).await().atMost(WAIT);
        assertThat(pds.requests().get(1).requestId()).isNotEqualTo(request.requestId());
        assertThat(pds.requests().get(1).correlationId()).isNull();
    }

    @Test
    void everyKindOfAnswer() {
        assertThat(client.retrieve("9999999999", "t").await().atMost(WAIT)).isInstanceOf(PdsLookup.NotFound.class);
        pds.invalidate("9651258500");
        assertThat(client.retrieve("9651258500", "t").await().atMost(WAIT)).isInstanceOf(PdsLookup.Invalidated.class);
        // the client does not judge NHS numbers: PDS's 400 INVALID_RESOURCE_ID is an answer of its own
        assertThat(client.retrieve("1234567891", "t").await().atMost(WAIT)).isInstanceOf(PdsLookup.InvalidNumber.class);
        // a superseded number: the record of the new number
        assertThat(client.retrieve("9690938622", "t").await().atMost(WAIT)).isInstanceOfSatisfying(PdsLookup.Found.class,
                found -> assertThat(found.patient().nhsNumber()).isEqualTo(PdsDataset.PATIENT11_NEW_NHS_NUMBER));
    }

    @Test
    void transientFailuresAreRetriedWithTheSameRequestId() {
        pds.failNextRequests(503, 1);
        assertThat(client.retrieve("9651258500", "t").await().atMost(WAIT)).isInstanceOf(PdsLookup.Found.class);
        List<PdsDouble.RecordedRequest> requests = pds.requests();
        assertThat(requests).extracting(PdsDouble.RecordedRequest::status).containsExactly(503, 200);
        assertThat(requests.get(0).requestId()).isEqualTo(requests.get(1).requestId());

        pds.failNextRequests(429, 1);
        assertThat(client.retrieve("9651258500", "t").await().atMost(WAIT)).isInstanceOf(PdsLookup.Found.class);
    }

    @Test
    void anOutageEndsAsPdsUnavailableAfterTheLastAttempt() {
        pds.outage(503);
        assertThatThrownBy(() -> client.retrieve("9651258500", "t").await().atMost(WAIT))
                .isInstanceOfSatisfying(PdsUnavailableException.class, e -> assertThat(e.transientFailure()).isTrue());
        assertThat(pds.requests()).hasSize(2);
    }

    @Test
    void aRefusedTokenIsNotRetried() {
        pds.accessToken("another");
        assertThatThrownBy(() -> client.retrieve("9651258500", "t").await().atMost(WAIT))
                .isInstanceOfSatisfying(PdsUnavailableException.class, e -> {
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.getMessage()).contains("401");
                });
        assertThat(pds.requests()).hasSize(1);
    }

    @Test
    void aRotatedTokenIsReadFromTheFileAgain() throws Exception {
        client.close();
        client = client(pds.baseUrl(), false, Optional.empty(), Duration.ofSeconds(2), Duration.ofMillis(1));
        assertThat(client.retrieve("9651258500", "t").await().atMost(WAIT)).isInstanceOf(PdsLookup.Found.class);
        pds.accessToken("token-2");
        Files.writeString(tokenFile, "token-2");
        TimeUnit.MILLISECONDS.sleep(20);
        assertThat(client.retrieve("9651258500", "t").await().atMost(WAIT)).isInstanceOf(PdsLookup.Found.class);
        assertThat(pds.requests()).last().extracting(PdsDouble.RecordedRequest::authorization).isEqualTo("Bearer token-2");
    }

    @Test
    void aMissingTokenFileIsPdsUnavailable() throws Exception {
        Files.delete(tokenFile);
        assertThatThrownBy(() -> client.retrieve("9651258500", "t").await().atMost(WAIT))
                .isInstanceOf(PdsUnavailableException.class);
        assertThat(pds.requests()).isEmpty();
    }

    @Test
    void aSlowPdsTimesOut() {
        client.close();
        client = client(pds.baseUrl(), false, Optional.empty(), Duration.ofMillis(300), Duration.ZERO);
        pds.delay(Duration.ofMillis(1500));
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.retrieve("9651258500", "t").await().atMost(WAIT))
                .isInstanceOf(PdsUnavailableException.class);
        // two attempts of 300 ms, not two of 1.5 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void anUnreachablePdsIsPdsUnavailable() throws Exception {
        int port = pds.port();
        pds.close();
        PdsClient unreachable = client("http://127.0.0.1:" + port + PdsDouble.BASE_PATH, false, Optional.empty(),
                Duration.ofSeconds(1), Duration.ZERO);
        try {
            assertThatThrownBy(() -> unreachable.retrieve("9651258500", "t").await().atMost(WAIT))
                    .isInstanceOfSatisfying(PdsUnavailableException.class, e -> assertThat(e.transientFailure()).isTrue());
        } finally {
            unreachable.close();
        }
        pds = PdsDouble.start(0, "token-1");
    }

    @Test
    void tlsIsRequiredUnlessSwitchedOff() {
        assertThatThrownBy(() -> client("http://127.0.0.1:1/pds", true, Optional.empty(), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpconnect.appointments.pds.tls.enabled");
    }

    @Test
    void tlsWithACustomCa() throws Exception {
        Path keystore = dir.resolve("pds.p12");
        Path certificate = dir.resolve("pds-ca.pem");
        keytool("-genkeypair", "-alias", "pds", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "pds", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-file", certificate.toString());
        SSLContext server = SSLContext.getInstance("TLS");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        server.init(kmf.getKeyManagers(), null, null);
        try (PdsDouble https = PdsDouble.startTls(0, "token-1", server)) {
            PdsClient trusting = client(https.baseUrl(), true, Optional.of(certificate), Duration.ofSeconds(2), Duration.ZERO);
            PdsClient jvmTrustOnly = client(https.baseUrl(), true, Optional.empty(), Duration.ofSeconds(2), Duration.ZERO);
            try {
                assertThat(trusting.retrieve("9651258500", "t").await().atMost(WAIT)).isInstanceOf(PdsLookup.Found.class);
                // the double's certificate is not signed by a CA the JVM trusts
                assertThatThrownBy(() -> jvmTrustOnly.retrieve("9651258500", "t").await().atMost(WAIT))
                        .isInstanceOf(PdsUnavailableException.class);
                assertThat(https.requests()).hasSize(1);
            } finally {
                trusting.close();
                jvmTrustOnly.close();
            }
        }
    }

    private PdsClient client(String baseUrl, boolean tls, Optional<Path> ca, Duration timeout, Duration tokenRefresh) {
        return new PdsClient(vertx, new PdsClient.Settings(URI.create(baseUrl), tokenFile, tokenRefresh, Duration.ofSeconds(1),
                timeout, 2, Duration.ofMillis(20), tls, ca, true), Clock.systemDefaultZone());
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
