package org.gpconnect.appointment.booking;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;

/**
 * Sends many requests to the service at once with the JDK HttpClient: every request is built (and its token
 * minted) first, then all are started together, so they really race.
 */
final class ConcurrentRequests implements AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
            .connectTimeout(Duration.ofSeconds(10)).build();

    static HttpRequest request(Interaction interaction, String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + InternalTokens.forInteraction(interaction))
                .header("Content-Type", BookingApi.FHIR_JSON)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.build();
    }

    /** Starts every request, then waits for all the answers, in request order. */
    List<HttpResponse<String>> sendAll(List<HttpRequest> requests) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (HttpRequest request : requests) {
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
