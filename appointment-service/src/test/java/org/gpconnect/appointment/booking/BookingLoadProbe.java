package org.gpconnect.appointment.booking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not part of the suite: measures booking latency (appointment-management.md §4, the "booking p99 at 16
 * connections" target), each request booking its own slot of a probe-only schedule with slots all day long. Run
 * it with {@code scripts/mvn -B -o test -pl appointment-service -Dtest=BookingLoadProbe -Dbooking.load=true}
 * (optionally {@code -Dbooking.concurrency=1,16}). Client, service, PostgreSQL and Kafka share the machine, so the
 * figures are pessimistic for the service alone.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "booking.load", matches = "true")
class BookingLoadProbe {

    private static final int WARM_UP = 300;
    private static final int REQUESTS = 960;

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void bookingLatency() throws Exception {
        BookingFixtures.ensure(pool, roller);
        BookingFixtures.sql(pool, "INSERT INTO schedule (id, practice_ods, service_category_display, practitioner_id, location_id,"
                + " planning_horizon_start, first_day_offset, last_day_offset) VALUES ('bk-load', 'B82617', 'Load', '1', '16', now(), 41, 60)"
                + " ON CONFLICT (id) DO NOTHING");
        BookingFixtures.sql(pool, "INSERT INTO slot_session (schedule_id, start_time, end_time, slot_minutes, gp_connect_bookable,"
                + " delivery_channel, service_type) SELECT 'bk-load', time '00:00', time '23:50', 10, true, 'In-person', 'Load'"
                + " WHERE NOT EXISTS (SELECT 1 FROM slot_session WHERE schedule_id = 'bk-load')");
        roller.roll().await().indefinitely();
        ConcurrentLinkedQueue<TestSlot> slots = new ConcurrentLinkedQueue<>(BookingFixtures.adjacentFree(pool, "bk-load", 1, "true")
                .isEmpty() ? List.of() : free());
        run(1, WARM_UP, slots, null);
        for (String concurrency : System.getProperty("booking.concurrency", "1,16").split(",")) {
            run(Integer.parseInt(concurrency.trim()), REQUESTS, slots, "booking, concurrency " + concurrency.trim());
        }
    }

    private List<TestSlot> free() {
        List<TestSlot> all = new ArrayList<>();
        for (var row : pool.query("SELECT id, start_at, end_at FROM slot WHERE schedule_id = 'bk-load' AND status = 'free'"
                + " ORDER BY start_at").execute().await().indefinitely()) {
            all.add(new TestSlot(row.getLong(0), row.getOffsetDateTime(1).toInstant(), row.getOffsetDateTime(2).toInstant()));
        }
        return all;
    }

    private void run(int concurrency, int requests, ConcurrentLinkedQueue<TestSlot> slots, String label) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < requests / concurrency; i++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + BookingApi.APPOINTMENTS))
                            .header("Authorization", "Bearer " + InternalTokens.forInteraction(Interaction.APPOINTMENT_CREATE))
                            .header("Content-Type", BookingApi.FHIR_JSON)
                            .POST(HttpRequest.BodyPublishers.ofString(BookingApi.json(
                                    BookingApi.booking(BookingApi.PATIENT, List.of(slots.remove()), "16", "1"))))
                            .build();
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies.add(System.nanoTime() - sent);
                    if (response.statusCode() != 201) {
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
        if (label == null) {
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s: %d requests (%d failed), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f/s%n", label,
                sorted.size(), failures.get(), percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.get(sorted.size() - 1) / 1e6, sorted.size() / seconds);
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
