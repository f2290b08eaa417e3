package org.gpconnect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.gpconnect.common.security.InternalToken;

/**
 * send-document-service's practice inbox API, used as the GP system does: list the pending items and file
 * one. Its tokens are internal tokens with role {@code practice-inbox}, signed with the local suite's
 * gateway key (devstack writes it to {@code .devstack/keys}; local use only, as MintInternalToken).
 */
final class PracticeInbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serviceUrl;
    private final String practiceOds;
    private final PrivateKey gatewayKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant tokenMintedAt = Instant.EPOCH;

    PracticeInbox(String serviceUrl, String practiceOds, Path gatewayPrivateKeyPem) throws Exception {
        this.serviceUrl = serviceUrl;
        this.practiceOds = practiceOds;
        String pem = Files.readString(gatewayPrivateKeyPem);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        this.gatewayKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** A pending inbox item: what the GP system shows and files. */
    record Item(String itemId, String documentId) {
    }

    /** Pending items by ITK tracking id (an item listed here is visible to the GP system, attachment stored). */
    Map<String, Item> pendingByTrackingId() throws Exception {
        HttpResponse<String> response = http.send(request("/inbox?status=PENDING&limit=1000").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("inbox list answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Item> items = new HashMap<>();
        for (JsonNode item : JSON.readTree(response.body())) {
            items.put(item.path("document").path("itkTrackingId").asText(),
                    new Item(item.path("itemId").asText(), item.path("document").path("documentId").asText()));
        }
        return items;
    }

    /** Files the item, as a clinician does once they have read the report (publishes FILED). */
    void file(String itemId) throws Exception {
        HttpResponse<String> response = http.send(request("/inbox/" + itemId + "/filed")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("filing " + itemId + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpRequest.Builder request(String path) throws Exception {
        return HttpRequest.newBuilder(URI.create(serviceUrl + "/practice/" + practiceOds + path))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
    }

    /** A fresh token every 30 s (they live 55 s, as the gateway's). */
    private synchronized String token() throws Exception {
        Instant now = Instant.now();
        if (token == null || tokenMintedAt.plusSeconds(30).isBefore(now)) {
            String header = "{\"alg\":\"ES256\",\"typ\":\"JWT\"}";
            String claims = "{\"iss\":\"" + InternalToken.DEFAULT_ISSUER + "\",\"aud\":\"" + InternalToken.DEFAULT_AUDIENCE + "\","
                    + "\"sub\":\"bench-filing-clerk\",\"groups\":[\"practice-inbox\"],\"gpc_provider_ods\":\"" + practiceOds + "\","
                    + "\"iat\":" + now.getEpochSecond() + ",\"exp\":" + (now.getEpochSecond() + 55) + "}";
            String signingInput = part(header) + "." + part(claims);
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(gatewayKey);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            token = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
            tokenMintedAt = now;
        }
        return token;
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
