package org.gpconnect.appointment.slot;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not part of the suite: measures the latency of the heaviest search, 14 days of B82617 with both searchFilters
 * and every include (about 950 Slots, 440 kB of JSON), at several concurrencies. Run it with
 * {@code scripts/mvn -B -o test -pl appointment-service -Dtest=SlotSearchLoadProbe -Dslot-search.load=true}
 * (optionally {@code -Dslot-search.concurrency=1,2,4}). The client runs on the same machine as the service, its
 * database and Kafka, so the figures are pessimistic for the service alone.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "slot-search.load", matches = "true")
class SlotSearchLoadProbe {

    private static final int WARM_UP = 500;
    private static final int REQUESTS = 600;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String url;
    private volatile HttpRequest request;
    private volatile long mintedAt;

    @Test
    void fourteenDaySearchLatency() throws Exception {
        url = "http://localhost:" + RestAssured.port + SlotSearchApi.query(SlotSearchApi.today(), SlotSearchApi.today().plusDays(14))
                .filter(SlotSearchApi.ODS_SYSTEM, "B82617").filter(SlotSearchApi.ORG_TYPE_SYSTEM, "urgent-care")
                .include("Schedule:actor:Practitioner").include("Schedule:actor:Location").url();
        for (int i = 0; i < WARM_UP; i++) {
            client.send(request(), HttpResponse.BodyHandlers.ofByteArray());
        }
        for (String concurrency : System.getProperty("slot-search.concurrency", "1,2,4,8").split(",")) {
            measure(Integer.parseInt(concurrency.trim()));
        }
    }

    private void measure(int concurrency) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < REQUESTS / concurrency; i++) {
                    HttpRequest next = request();
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(next, HttpResponse.BodyHandlers.ofByteArray());
                    latencies.add(System.nanoTime() - sent);
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("slot search, concurrency %d: %d requests (%d failed), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f/s%n",
                concurrency, sorted.size(), failures.get(), millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6, sorted.size() / seconds);
    }

    // internal tokens live 30 seconds: a fresh one every 5 keeps token minting out of the measurement
    private synchronized HttpRequest request() {
        if (request == null || System.nanoTime() - mintedAt > 5_000_000_000L) {
            request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + InternalTokens.forInteraction(Interaction.SLOT_SEARCH)).build();
            mintedAt = System.nanoTime();
        }
        return request;
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
