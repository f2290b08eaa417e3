package org.gpconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.GpConnectJwt;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.Test;

/**
 * The gateway's bad-input guarantee (foundations.md §1-§5, the gateway issue's "Bad input"): well over a
 * thousand generated malformed requests — mutated JWT parts and claims, header combinations, path tricks,
 * very long headers, wrong verbs, bad bodies — each get a 4xx with an OperationOutcome (never a 5xx, never
 * a hang), none reaches a service, and each leaves an audit record. Generated from a fixed seed, so a
 * failure can be replayed.
 */
@QuarkusTest
class MalformedRequestsTest {

    private static final long SEED = 20261130L;
    private static final String METADATA = ConsumerRequests.ROOT + "/metadata";

    @Inject
    Pool pool;

    record Malformed(String description, String method, String target, Map<String, List<String>> headers, byte[] body) {
    }

    @Test
    void malformedRequestsAreRejectedAuditedAndNeverForwarded() throws Exception {
        List<Malformed> requests = generate(new Random(SEED));
        assertThat(requests).hasSizeGreaterThanOrEqualTo(1000);
        StubService.clear();
        long auditedBefore = auditCount();

        List<String> failures = new ArrayList<>();
        for (Malformed request : requests) {
            RawHttp.Response response = RawHttp.send(GatewayTestResource.consumerPort(), request.method(), request.target(), request.headers(), request.body());
            if (response.status() < 400 || response.status() >= 500) {
                failures.add(response.status() + " for " + request.description());
            } else if (!request.method().equals("HEAD") && !response.body().contains("OperationOutcome")) {
                failures.add("no OperationOutcome (" + response.status() + ") for " + request.description());
            } else if (!"no-store".equals(response.headers().get("cache-control"))) {
                failures.add("no Cache-Control: no-store for " + request.description());
            }
        }

        assertThat(failures).isEmpty();
        assertThat(StubService.received()).as("requests that reached a service").isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(auditCount() - auditedBefore).isEqualTo(requests.size()));
    }

    private long auditCount() {
        return pool.query("SELECT count(*) FROM audit_record").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    // ------------------------------------------------------------------ generators

    static List<Malformed> generate(Random random) {
        List<Malformed> all = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            all.add(jwtMutation(random));
        }
        for (int i = 0; i < 250; i++) {
            all.add(claimMutation(random));
        }
        for (int i = 0; i < 200; i++) {
            all.add(headerCombination(random));
        }
        for (int i = 0; i < 200; i++) {
            all.add(pathTrick(random));
        }
        for (int i = 0; i < 60; i++) {
            all.add(longHeader(random));
        }
        for (int i = 0; i < 60; i++) {
            all.add(wrongVerb(random));
        }
        for (int i = 0; i < 60; i++) {
            all.add(badBody(random));
        }
        return all;
    }

    private static Map<String, List<String>> validHeaders(Interaction interaction) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        SspHeaders.forInteraction(interaction).forEach((k, v) -> headers.put(k, new ArrayList<>(List.of(v))));
        return headers;
    }

    /** Token-level damage: bad characters, truncation, extra parts, signatures, header algorithms. */
    private static Malformed jwtMutation(Random random) {
        String token = GpConnectJwt.withScope("organization/*.read").encode();
        String mutated;
        String what;
        switch (random.nextInt(6)) {
            case 0 -> {
                int at = random.nextInt(token.length() - 1);
                char bad = "+/=!*%\" \\{}".charAt(random.nextInt(11));
                mutated = token.substring(0, at) + bad + token.substring(at + 1);
                what = "illegal character " + bad + " at " + at;
            }
            case 1 -> {
                mutated = token.substring(0, 1 + random.nextInt(token.length() - 1));
                what = "truncated to " + mutated.length();
            }
            case 2 -> {
                mutated = token + Base64Url.random(random, 1 + random.nextInt(80));
                what = "with a signature";
            }
            case 3 -> {
                mutated = token + Base64Url.random(random, 4) + "." + Base64Url.random(random, 8);
                what = "extra parts";
            }
            case 4 -> {
                String alg = List.of("HS256", "RS256", "ES256", "None", "", "nonE").get(random.nextInt(6));
                mutated = GpConnectJwt.withScope("organization/*.read").header(h -> h.put("alg", alg)).encode();
                what = "alg " + alg;
            }
            default -> {
                mutated = Base64Url.random(random, 10 + random.nextInt(50)) + "." + Base64Url.random(random, 10 + random.nextInt(200)) + ".";
                what = "random base64url parts";
            }
        }
        Map<String, List<String>> headers = validHeaders(Interaction.METADATA_READ);
        headers.put("Authorization", List.of((random.nextInt(10) == 0 ? "bearer " : "Bearer ") + mutated));
        return new Malformed("JWT " + what, "GET", METADATA, headers, null);
    }

    /** Claim-level damage: a required claim removed, nulled, retyped, or given a wrong value. */
    private static Malformed claimMutation(Random random) {
        String[] claims = {"iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
                "requesting_device", "requesting_organization", "requesting_practitioner"};
        String claim = claims[random.nextInt(claims.length)];
        int how = random.nextInt(7);
        Consumer<ObjectNode> edit = switch (how) {
            case 0 -> c -> c.remove(claim);
            case 1 -> c -> c.putNull(claim);
            case 2 -> c -> c.put(claim, random.nextInt(2) == 0 ? 42 : -1);
            case 3 -> c -> c.putArray(claim).add("x");
            case 4 -> c -> c.put("exp", c.get("iat").asLong() + 300 + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(1000)));
            case 5 -> c -> c.put("requested_scope", List.of("patient/*.read", "patient/*.write", "organization/*.write",
                    "organization/*.read conf/R", "*", "").get(random.nextInt(6)));
            default -> c -> ((ObjectNode) c.get(List.of("requesting_device", "requesting_organization", "requesting_practitioner")
                    .get(random.nextInt(3)))).put("resourceType", List.of("Patient", "Bundle", "", "device").get(random.nextInt(4)));
        };
        Map<String, List<String>> headers = validHeaders(Interaction.METADATA_READ);
        headers.put("Authorization", List.of(GpConnectJwt.withScope("organization/*.read").claims(edit).bearer()));
        return new Malformed("claim " + claim + " mutation " + how, "GET", METADATA, headers, null);
    }

    /** Ssp-* headers missing, blank, repeated, or naming the wrong provider or interaction. */
    private static Malformed headerCombination(Random random) {
        Map<String, List<String>> headers = validHeaders(Interaction.METADATA_READ);
        String[] ssp = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID"};
        String target = ssp[random.nextInt(ssp.length)];
        int how = random.nextInt(6);
        switch (how) {
            case 0 -> headers.remove(target);
            case 1 -> headers.put(target, List.of(" "));
            case 2 -> headers.get(target).add(headers.get(target).get(0) + "x"); // given twice
            case 3 -> headers.put("Ssp-To", List.of(String.format("%012d", Math.abs(random.nextLong() % 1_000_000_000_000L))));
            case 4 -> headers.put("Ssp-InteractionID", List.of(Interaction.values()[random.nextInt(Interaction.values().length)]
                    .id().toUpperCase()));
            default -> headers.put("Ssp-InteractionID", List.of("urn:nhs:names:services:gpconnect:fhir:rest:read:" + UUID.randomUUID()));
        }
        if (how == 3 && headers.get("Ssp-To").get(0).equals(SspHeaders.PROVIDER_ASID)) {
            headers.remove("Ssp-To");
        }
        return new Malformed("headers: " + how + " on " + target, "GET", METADATA, headers, null);
    }

    /** Targets that are not a registered root or not the interaction's path, byte for byte. */
    private static Malformed pathTrick(Random random) {
        String[] tricks = {
                "/B82617/STU3/1/gpconnect/fhir/../fhir/metadata",
                "/B82617/STU3/1/gpconnect/fhir/./metadata",
                "/B82617/STU3/1/gpconnect//fhir/metadata",
                "/B82617/STU3/1/gpconnect/fhir//metadata",
                "/B82617/STU3/1/gpconnect/fhir/metadata/",
                "/B82617/STU3/1/gpconnect/fhir/Metadata",
                "/B82617/STU3/1/gpconnect/fhir/metadata;jsessionid=1",
                "/B82617/STU3/1/gpconnect/fhir/%6Detadata",
                "/B82617/STU3/1/gpconnect/fhir%2Fmetadata",
                "/B82617/STU3/1/gpconnect/fhir/metadata%00",
                "/B82617/STU3/1/gpconnect/fhir/meta%zzdata",
                "/B82617/STU3/1/gpconnect/fhir\\metadata",
                "/b82617/STU3/1/gpconnect/fhir/metadata",
                "/B82617/stu3/1/gpconnect/fhir/metadata",
                "/B82617/STU3/2/gpconnect/fhir/metadata",
                "/INVOC1/STU3/1/gpconnect/fhir/metadata",
                "/B82617/STU3/1/gpconnect/fhir",
                "/B82617/STU3/1/gpconnect/fhir/",
                "/",
                "/metadata",
                "/https://other.example/B82617/STU3/1/gpconnect/fhir/metadata",
                "/B82617/STU3/1/gpconnect/fhir/metadata/..",
                "/B82617/STU3/1/gpconnect/fhir/%2e%2e/fhir/metadata",
                "/B82617/STU3/1/gpconnect/fhir/metadatas"};
        String target = tricks[random.nextInt(tricks.length)];
        if (random.nextInt(8) == 0) {
            target = ConsumerRequests.ROOT + "/" + "a".repeat(2000 + random.nextInt(8000));
        }
        return new Malformed("path " + target.substring(0, Math.min(80, target.length())), "GET", target,
                validHeaders(Interaction.METADATA_READ), null);
    }

    /** A request made invalid and padded with a header of tens of kilobytes. */
    private static Malformed longHeader(Random random) {
        Map<String, List<String>> headers = validHeaders(Interaction.METADATA_READ);
        String padding = "x".repeat(10_000 + random.nextInt(90_000));
        switch (random.nextInt(3)) {
            case 0 -> headers.put("Ssp-TraceID", List.of(padding)); // and no Ssp-To:
            case 1 -> headers.put("Ssp-From", List.of(padding));
            default -> headers.put("X-Padding", List.of(padding));
        }
        headers.remove("Ssp-To");
        return new Malformed("long header of " + padding.length(), "GET", METADATA, headers, null);
    }

    /** Methods the interaction does not have, including TRACE and made-up ones. */
    private static Malformed wrongVerb(Random random) {
        String method = List.of("POST", "PUT", "DELETE", "PATCH", "TRACE", "FOO", "OPTIONS", "HEAD").get(random.nextInt(8));
        Map<String, List<String>> headers = validHeaders(Interaction.METADATA_READ);
        byte[] body = null;
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            headers.put("Content-Type", List.of("application/fhir+json;charset=utf-8"));
            body = "{\"resourceType\":\"Parameters\"}".getBytes(StandardCharsets.UTF_8);
        }
        return new Malformed("verb " + method, method, METADATA, headers, body);
    }

    /** Writes with a missing or wrong content type or charset. */
    private static Malformed badBody(Random random) {
        Map<String, List<String>> headers = validHeaders(Interaction.APPOINTMENT_CREATE);
        String contentType = List.of("text/plain", "application/octet-stream", "application/fhir+json;charset=iso-8859-1",
                "multipart/form-data", "").get(random.nextInt(5));
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", List.of(contentType));
        }
        byte[] body = new byte[1 + random.nextInt(2000)];
        random.nextBytes(body);
        return new Malformed("body as '" + contentType + "'", "POST", ConsumerRequests.ROOT + "/Appointment", headers, body);
    }

    /** Random base64url text. */
    static final class Base64Url {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        static String random(Random random, int length) {
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return s.toString();
        }
    }
}
