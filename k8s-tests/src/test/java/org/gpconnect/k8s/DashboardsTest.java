package org.gpconnect.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards of k8s/dashboards (written by scripts/gen-dashboards.py): valid dashboard JSON
 * with the panels SREs were promised, every query scoped to the dashboard's namespace and reading only
 * metrics that exist ({@link Metrics}: registered in the services' code, or a documented
 * Quarkus/JVM/Kafka/Kubernetes series), and each provider service's panels naming exactly the interactions
 * the gateway routes to it.
 */
class DashboardsTest {

    /** Panels each dashboard must have (titles), besides its rows. */
    static final Map<String, List<String>> EXPECTED = Map.of(
            "gpconnect-suite.json", List.of("Pods answering /q/metrics", "Requests per interaction", "5xx share per interaction",
                    "p99 latency per interaction", "Outbox: events waiting for Kafka, per service", "Outbox: oldest waiting event, per service",
                    "Audit records waiting in the gateway", "Kafka consumer lag", "MESH inbox: oldest unfinished message",
                    "CPU: share of the limit", "Memory: share of the limit"),
            "spine-gateway.json", List.of("Requests per interaction", "5xx share per interaction", "p99 latency per interaction",
                    "Refusals by Spine error code", "Audit records waiting in memory", "Audit records written and dropped",
                    "Outbox: events waiting for Kafka", "Outbox: age of the oldest waiting event", "CPU: share of the limit",
                    "Memory: share of the limit", "JVM heap: used against max"),
            "appointment-service.json", List.of("Requests per interaction", "5xx share per interaction", "p99 latency per interaction",
                    "HTTP requests by path and status", "Outbox: events waiting for Kafka", "Outbox: age of the oldest waiting event",
                    "Reactive PostgreSQL pool: in use and waiting", "CPU: share of the limit", "Memory: share of the limit"),
            "access-record-service.json", List.of("Requests per interaction", "5xx share per interaction", "p99 latency per interaction",
                    "HTTP requests by path and status", "Outbox: events waiting for Kafka", "Outbox: age of the oldest waiting event",
                    "Kafka consumer lag", "Reactive PostgreSQL pool: in use and waiting", "CPU: share of the limit", "Memory: share of the limit"),
            "send-document-service.json", List.of("Inbox: oldest unfinished message", "Inbox: messages listed", "Polls by outcome",
                    "Messages processed by acknowledgement", "Processing attempts by result", "Processing duration",
                    "Outbox: events waiting for Kafka", "Outbox: age of the oldest waiting event", "CPU: share of the limit",
                    "Memory: share of the limit"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERACTIONS = Pattern.compile("interaction=~\"([A-Z_|]+)\"");

    /** The dashboard files, by file name. */
    static Map<String, Path> files() {
        Path dir = Charts.repository().resolve("k8s/dashboards");
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.toString().endsWith(".json")).forEach(p -> files.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<String> dashboards() {
        return List.copyOf(files().keySet());
    }

    @Test
    void oneDashboardPerServiceAndOneForTheSuite() {
        Set<String> expected = new TreeSet<>();
        expected.add("gpconnect-suite.json");
        Charts.SERVICES.forEach(s -> expected.add(s + ".json"));
        assertThat(files().keySet()).isEqualTo(expected).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
        Set<String> uids = new HashSet<>();
        for (String file : files().keySet()) {
            assertThat(uids.add(read(file).path("uid").asText())).as("%s: its uid is unique", file).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void isAGrafanaDashboardWithTheExpectedPanels(String file) {
        JsonNode board = read(file);
        assertThat(board.path("uid").asText()).as(file).matches("[a-z0-9-]{1,40}");
        assertThat(board.path("title").asText()).as(file).startsWith("GP Connect / ");
        assertThat(board.path("schemaVersion").asInt()).as(file).isGreaterThanOrEqualTo(36);
        assertThat(board.path("tags").toString()).as(file).contains("\"gpconnect\"");
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        board.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
        assertThat(variables.keySet()).as("%s: data source and namespace variables", file).contains("datasource", "namespace");
        assertThat(variables.get("datasource").path("type").asText()).isEqualTo("datasource");
        assertThat(variables.get("datasource").path("query").asText()).isEqualTo("prometheus");
        if (!file.equals("gpconnect-suite.json")) {
            assertThat(variables).as("%s: a pod variable", file).containsKey("pod");
        }

        Set<Integer> ids = new HashSet<>();
        List<int[]> areas = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : board.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("%s: panel ids are unique (%s)", file, title).isTrue();
            JsonNode pos = panel.path("gridPos");
            int[] area = {pos.path("x").asInt(), pos.path("y").asInt(), pos.path("w").asInt(), pos.path("h").asInt()};
            assertThat(area[0] + area[2]).as("%s: %s fits the 24-column grid", file, title).isBetween(1, 24);
            assertThat(area[3]).as("%s: %s has a height", file, title).isPositive();
            for (int[] other : areas) {
                boolean overlap = area[0] < other[0] + other[2] && other[0] < area[0] + area[2] && area[1] < other[1] + other[3] && other[1] < area[1] + area[3];
                assertThat(overlap).as("%s: %s overlaps another panel", file, title).isFalse();
            }
            areas.add(area);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            titles.add(title);
            assertThat(panel.path("type").asText()).as("%s: %s", file, title).isIn("timeseries", "stat");
            assertThat(panel.path("description").asText()).as("%s: %s says what it shows", file, title).isNotBlank();
            assertThat(panel.path("datasource").path("uid").asText()).as("%s: %s reads the chosen data source", file, title).isEqualTo("${datasource}");
            assertThat(panel.path("targets").size()).as("%s: %s has a query", file, title).isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(refIds.add(target.path("refId").asText())).as("%s: %s refIds", file, title).isTrue();
                assertThat(target.path("expr").asText()).as("%s: %s", file, title).isNotBlank();
            }
        }
        assertThat(titles).as("%s: panel titles are unique", file).doesNotHaveDuplicates();
        assertThat(titles).as(file).containsAll(EXPECTED.get(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyQueryIsScopedAndReadsMetricsThatExist(String file) {
        Map<String, String> queries = queries(read(file));
        assertThat(queries).as(file).isNotEmpty();
        Set<String> read = new TreeSet<>();
        queries.forEach((where, expr) -> {
            String at = file + " " + where;
            assertThat(Metrics.selectors(expr)).as("%s: every selector is scoped to the dashboard's namespace (%s)", at, expr)
                    .isNotEmpty()
                    .allMatch(s -> s.contains("namespace=\"$namespace\"") || where.equals("variable namespace"));
            Set<String> series = Metrics.series(expr);
            assertThat(series).as("%s reads a metric: %s", at, expr).isNotEmpty();
            series.forEach(s -> Metrics.assertKnown(at, s));
            read.addAll(series);
        });
        if (!file.equals("gpconnect-suite.json")) {
            String service = file.replace(".json", "");
            queries.forEach((where, expr) -> Metrics.selectors(expr)
                    .filter(s -> s.contains("container=") && !s.contains("container=\"spine-gateway\""))
                    .forEach(s -> assertThat(s).as("%s %s: this service's container", file, where).contains("container=\"" + service + "\"")));
        }
    }

    @Test
    void providerDashboardsNameTheInteractionsTheGatewayRoutesToThem() {
        Map<String, Set<String>> routed = routedInteractions();
        assertThat(routed.keySet()).containsExactlyInAnyOrder("appointment-service", "access-record-service");
        for (String service : routed.keySet()) {
            Set<Set<String>> named = new HashSet<>();
            queries(read(service + ".json")).values().forEach(expr -> {
                Matcher m = INTERACTIONS.matcher(expr);
                while (m.find()) {
                    named.add(new TreeSet<>(List.of(m.group(1).split("\\|"))));
                }
            });
            assertThat(named).as("%s: the interactions of its panels (run scripts/gen-dashboards.py after adding one)", service)
                    .containsExactly(routed.get(service));
        }
        for (String file : List.of("gpconnect-suite.json", "spine-gateway.json", "send-document-service.json")) {
            assertThat(queries(read(file)).values()).as("%s: every interaction", file).noneMatch(e -> e.contains("interaction=~"));
        }
    }

    /**
     * Interaction names by provider service: the capability of each Interaction constant
     * (gpconnect-common) and the service the gateway's Backends sends that capability to.
     */
    static Map<String, Set<String>> routedInteractions() {
        String backends = Metrics.read(Charts.repository().resolve("spine-gateway/src/main/java/org/gpconnect/gateway/proxy/Backends.java"));
        Map<String, String> clientToService = Map.of("appointments", "appointment-service", "accessRecord", "access-record-service");
        Map<String, String> capabilityToService = new TreeMap<>();
        Matcher route = Pattern.compile("byCapability\\.put\\(Capability\\.([A-Z_]+),\\s*new Backend\\((\\w+),").matcher(backends);
        while (route.find()) {
            capabilityToService.put(route.group(1), clientToService.get(route.group(2)));
        }
        assertThat(capabilityToService).as("the gateway's routes, read from Backends.java").isNotEmpty().doesNotContainValue(null);
        String interactions = Metrics.read(Charts.repository().resolve("gpconnect-common/src/main/java/org/gpconnect/common/interaction/Interaction.java"));
        Map<String, Set<String>> byService = new TreeMap<>();
        Matcher constant = Pattern.compile("(?m)^\\s+([A-Z_]+)\\((?:.|\\n)*?Capability\\.([A-Z_]+)").matcher(interactions);
        while (constant.find()) {
            String service = capabilityToService.get(constant.group(2));
            if (service != null) {
                byService.computeIfAbsent(service, s -> new TreeSet<>()).add(constant.group(1));
            }
        }
        return byService;
    }

    /** Every PromQL query of a dashboard (panel targets and query variables), keyed by where it is. */
    static Map<String, String> queries(JsonNode board) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : board.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(), target.path("expr").asText());
            }
        }
        for (JsonNode variable : board.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                queries.put("variable " + variable.path("name").asText(), query.isTextual() ? query.asText() : query.path("query").asText());
            }
        }
        return queries;
    }

    static JsonNode read(String file) {
        try {
            return JSON.readTree(files().get(file).toFile());
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
