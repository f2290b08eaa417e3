package org.gpconnect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.SspHeaders;

/**
 * Closed-loop load through the gateway, as consumers would send it: N connections each send the next
 * request as soon as the last answer arrives, for a fixed time after a warm-up. Prints requests/s, p50,
 * p99, errors, and the CPU each service process used per request (from /proc).
 *
 * <p>Usage: {@code LoadClient <gateway-url> <scenario> <connections> <seconds> [pid=name ...]}; scenarios:
 * {@code slots-1-day}, {@code slots-14-days}, {@code book-cancel}, {@code patient-search}.
 */
public final class LoadClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "/B82617/STU3/1/gpconnect/fhir";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LoadClient(String gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        LoadClient client = new LoadClient(args[0]);
        String scenario = args[1];
        int connections = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Map<Long, String> processes = new java.util.LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            processes.put(Long.parseLong(kv[0]), kv[1]);
        }
        Supplier<Exchange> work = client.scenario(scenario, connections);
        client.run(scenario, work, connections, Math.min(10, seconds), false, processes);
        client.run(scenario, work, connections, seconds, true, processes);
    }

    /** One unit of work: a request, and what to do next time (book-cancel alternates). */
    interface Exchange {
        int send() throws Exception;
    }

    private Supplier<Exchange> scenario(String name, int connections) throws Exception {
        LocalDate tomorrow = LocalDate.now(LONDON).plusDays(1);
        switch (name) {
            case "slots-1-day":
                return () -> () -> get(Interaction.SLOT_SEARCH, slots(tomorrow, tomorrow));
            case "slots-14-days":
                return () -> () -> get(Interaction.SLOT_SEARCH, slots(tomorrow, tomorrow.plusDays(14)));
            case "patient-search":
                return () -> () -> get(Interaction.PATIENT_SEARCH,
                        ROOT + "/Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9690937286");
            case "structured-all":
                return () -> () -> post(Interaction.STRUCTURED_RECORD,
                        "/B82617/STU3/1/gpconnect/structured/fhir/Patient/$gpc.getstructuredrecord", StructuredRequests.ALL_AREAS_PATIENT2);
            case "book-cancel":
                ConcurrentLinkedQueue<JsonNode> free = freeSlots(tomorrow, connections * 4);
                return () -> new BookCancel(free);
            default:
                throw new IllegalArgumentException("unknown scenario " + name);
        }
    }

    /** The search consumers run before booking: both includes, filtered for their organisation. */
    private static String slots(LocalDate from, LocalDate to) {
        return unfilteredSlots(from, to) + "&searchFilter=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7CB82617";
    }

    /** Only slots open to every organisation (the benchmark's bookings come from GPCA0001). */
    private static String unfilteredSlots(LocalDate from, LocalDate to) {
        return ROOT + "/Slot?start=ge" + from + "&end=le" + to + "&status=free&_include=Slot:schedule"
                + "&_include:recurse=Schedule:actor:Practitioner&_include:recurse=Schedule:actor:Location";
    }

    private int get(Interaction interaction, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).GET().timeout(Duration.ofSeconds(30));
        SspHeaders.forInteraction(interaction).forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int post(Interaction interaction, String path, String body) throws Exception {
        return http.send(write(interaction, path, "POST", body).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Books a free slot for patient2, then cancels it (which frees it for the next cycle). */
    private final class BookCancel implements Exchange {
        private final ConcurrentLinkedQueue<JsonNode> free;
        private String appointmentId;
        private String body;
        private JsonNode slot;

        BookCancel(ConcurrentLinkedQueue<JsonNode> free) {
            this.free = free;
        }

        @Override
        public int send() throws Exception {
            if (appointmentId == null) {
                slot = free.poll();
                if (slot == null) {
                    throw new IllegalStateException("no free slot left");
                }
                HttpRequest.Builder request = write(Interaction.APPOINTMENT_CREATE, ROOT + "/Appointment", "POST", booking(slot));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    JsonNode appointment = JSON.readTree(response.body());
                    appointmentId = appointment.path("id").asText();
                    ((com.fasterxml.jackson.databind.node.ObjectNode) appointment).put("status", "cancelled");
                    ((com.fasterxml.jackson.databind.node.ArrayNode) appointment.withArray("extension")).addObject()
                            .put("url", "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1")
                            .put("valueString", "Benchmark cycle");
                    body = appointment.toString();
                } else {
                    free.add(slot);
                }
                return response.statusCode();
            }
            HttpRequest.Builder request = write(Interaction.APPOINTMENT_CANCEL, ROOT + "/Appointment/" + appointmentId, "PUT", body);
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            appointmentId = null;
            free.add(slot);
            return status;
        }
    }

    private HttpRequest.Builder write(Interaction interaction, String path, String method, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/fhir+json;charset=utf-8");
        SspHeaders.forInteraction(interaction).forEach(request::header);
        return request;
    }

    private ConcurrentLinkedQueue<JsonNode> freeSlots(LocalDate day, int wanted) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + unfilteredSlots(day.plusDays(1), day.plusDays(5)))).GET();
        SspHeaders.forInteraction(Interaction.SLOT_SEARCH).forEach(request::header);
        JsonNode bundle = JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        Map<String, JsonNode> schedules = new java.util.HashMap<>();
        List<JsonNode> slots = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode r = entry.path("resource");
            if (r.path("resourceType").asText().equals("Schedule")) {
                schedules.put("Schedule/" + r.path("id").asText(), r);
            } else if (r.path("resourceType").asText().equals("Slot")) {
                slots.add(r);
            }
        }
        ConcurrentLinkedQueue<JsonNode> free = new ConcurrentLinkedQueue<>();
        for (JsonNode slot : slots) {
            JsonNode schedule = schedules.get(slot.path("schedule").path("reference").asText());
            String location = null;
            for (JsonNode actor : schedule.path("actor")) {
                if (actor.path("reference").asText().startsWith("Location/")) {
                    location = actor.path("reference").asText();
                }
            }
            com.fasterxml.jackson.databind.node.ObjectNode withLocation = slot.deepCopy();
            withLocation.put("_location", location);
            free.add(withLocation);
            if (free.size() >= wanted) {
                break;
            }
        }
        return free;
    }

    private static String booking(JsonNode slot) {
        return "{\"resourceType\":\"Appointment\",\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1\"]},"
                + "\"contained\":[{\"resourceType\":\"Organization\",\"id\":\"1\",\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1\"]},"
                + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"GPCA0001\"}],"
                + "\"name\":\"GP Connect Assurance\",\"telecom\":[{\"system\":\"phone\",\"value\":\"0300 303 5678\",\"use\":\"work\"}]}],"
                + "\"extension\":[{\"url\":\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1\",\"valueReference\":{\"reference\":\"#1\"}}],"
                + "\"status\":\"booked\",\"description\":\"Benchmark booking\",\"start\":\"" + slot.path("start").asText() + "\",\"end\":\""
                + slot.path("end").asText() + "\",\"slot\":[{\"reference\":\"Slot/" + slot.path("id").asText() + "\"}],"
                + "\"created\":\"" + java.time.OffsetDateTime.now().withNano(0) + "\","
                + "\"participant\":[{\"actor\":{\"reference\":\"Patient/2\"},\"status\":\"accepted\"},"
                + "{\"actor\":{\"reference\":\"" + slot.path("_location").asText() + "\"},\"status\":\"accepted\"}]}";
    }

    private void run(String scenario, Supplier<Exchange> work, int connections, int seconds, boolean report,
                     Map<Long, String> processes) throws Exception {
        long[] cpuBefore = cpu(processes);
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong requests = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(() -> {
                Exchange exchange = work.get();
                List<Long> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = exchange.send();
                        mine.add(System.nanoTime() - start);
                        requests.incrementAndGet();
                        if (status >= 300) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    samples.add(mine.stream().mapToLong(Long::longValue).toArray());
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        if (!report) {
            return;
        }
        long[] cpuAfter = cpu(processes);
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double rps = all.length / (double) seconds;
        StringBuilder cpuPerRequest = new StringBuilder();
        int i = 0;
        long hz = 100; // USER_HZ: /proc/<pid>/stat counts in 1/100 s on Linux
        for (Map.Entry<Long, String> p : processes.entrySet()) {
            double ms = (cpuAfter[i] - cpuBefore[i]) * (1000.0 / hz) / Math.max(1, all.length);
            cpuPerRequest.append(String.format(" %s %.2f ms", p.getValue(), ms));
            i++;
        }
        ResultRows.row("| %s | %d | %.0f | %.1f ms | %.1f ms | %d |%s |", scenario, connections, rps,
                percentile(all, 50), percentile(all, 99), errors.get(), cpuPerRequest);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    static long[] cpu(Map<Long, String> processes) throws Exception {
        long[] ticks = new long[processes.size()];
        int i = 0;
        for (Long pid : processes.keySet()) {
            String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ", 2)[1].split(" ");
            ticks[i++] = Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime + stime
        }
        return ticks;
    }
}
