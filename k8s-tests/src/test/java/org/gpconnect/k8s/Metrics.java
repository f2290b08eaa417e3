package org.gpconnect.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics alerts and dashboards may read: the suite's own (a meter registered in the services' code)
 * or a series from outside the suite on the allow-list below, each with where it comes from. A series
 * not on either fails the build, so a dashboard or alert never waits for a metric nobody publishes.
 */
final class Metrics {

    /**
     * Series from outside the suite's code, by name, with their source. The Quarkus/Micrometer ones were read
     * from a running service's /q/metrics (send-document-service, Quarkus 3.33.2, Micrometer 1.16.3); the
     * Kubernetes ones are the standard series of kube-prometheus-stack.
     */
    static final Map<String, String> EXTERNAL = Map.ofEntries(
            // Prometheus itself: 1 when the last scrape of the target succeeded
            entry("up", "Prometheus: scrape health of each target"),
            // Quarkus Micrometer JVM binder (quarkus.micrometer.binder.jvm, on by default)
            entry("jvm_memory_used_bytes", "Micrometer JvmMemoryMetrics (jvm.memory.used), tags area, id"),
            entry("jvm_memory_max_bytes", "Micrometer JvmMemoryMetrics (jvm.memory.max), tags area, id"),
            entry("jvm_gc_overhead", "Micrometer JvmHeapPressureMetrics (jvm.gc.overhead): share of CPU time in GC"),
            // Quarkus Micrometer HTTP server binder (quarkus.micrometer.binder.http-server, on by default; no histogram)
            entry("http_server_requests_seconds_count", "Quarkus HTTP server binder (http.server.requests timer), tags method, uri, status, outcome"),
            entry("http_server_requests_seconds_sum", "Quarkus HTTP server binder (http.server.requests timer)"),
            entry("http_server_requests_seconds_max", "Quarkus HTTP server binder (http.server.requests timer)"),
            // Quarkus Micrometer Vert.x binder: the reactive SQL client's pool (tags pool_name, pool_type="sql")
            entry("sql_pool_active", "Quarkus Vert.x binder, Vert.x SQL client pool: connections in use"),
            entry("sql_pool_queue_size", "Quarkus Vert.x binder, Vert.x SQL client pool: requests waiting for a connection"),
            entry("sql_pool_queue_delay_seconds_sum", "Quarkus Vert.x binder, Vert.x SQL client pool: wait for a connection"),
            entry("sql_pool_queue_delay_seconds_count", "Quarkus Vert.x binder, Vert.x SQL client pool: wait for a connection"),
            // Micrometer Kafka binder (quarkus.micrometer.binder.kafka.enabled, on by default with a Kafka client on the
            // classpath): every consumer SmallRye Reactive Messaging creates, tags client_id, kafka_version
            entry("kafka_consumer_fetch_manager_records_lag_max", "Micrometer KafkaClientMetrics (consumer-fetch-manager-metrics records-lag-max)"),
            entry("kafka_consumer_fetch_manager_records_consumed_rate", "Micrometer KafkaClientMetrics (consumer-fetch-manager-metrics records-consumed-rate)"),
            // cAdvisor (kubelet /metrics/cadvisor), tags namespace, pod, container
            entry("container_cpu_usage_seconds_total", "cAdvisor: CPU time used by the container"),
            entry("container_memory_working_set_bytes", "cAdvisor: the container's working set (what the OOM killer compares with the limit)"),
            entry("container_cpu_cfs_throttled_periods_total", "cAdvisor: CFS periods in which the container was throttled"),
            entry("container_cpu_cfs_periods_total", "cAdvisor: CFS periods elapsed"),
            // kube-state-metrics, tags namespace, pod, container (and resource, unit for the resources)
            entry("kube_pod_container_resource_limits", "kube-state-metrics: the container's limits (resource=cpu|memory)"),
            entry("kube_pod_container_status_restarts_total", "kube-state-metrics: restarts of the container"));

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)}");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)");

    private static volatile String sources;

    private Metrics() {
    }

    /** The series a PromQL expression (or a Grafana `label_values(selector, label)` query) reads. */
    static Set<String> series(String expr) {
        String e = expr.strip();
        Matcher lv = LABEL_VALUES.matcher(e);
        if (lv.matches()) {
            e = lv.group(1);
        }
        e = STRING.matcher(e).replaceAll("\"\"");
        e = SELECTOR.matcher(e).replaceAll(" ");
        e = e.replaceAll("\\[[^]]*]", " ");
        e = GROUPING.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The label matchers of every selector in the expression, e.g. {@code namespace="gpc", container="x"}. */
    static Stream<String> selectors(String expr) {
        return SELECTOR.matcher(expr).results().map(r -> r.group(1));
    }

    /** Fails unless the series is the suite's own (registered in the services' code) or on the allow-list. */
    static void assertKnown(String where, String series) {
        if (EXTERNAL.containsKey(series)) {
            return;
        }
        assertThat(series).as("%s reads %s: neither on the allow-list of external metrics nor a suite metric", where, series)
                .startsWith("gpconnect_");
        String meter = series.replaceAll("(_seconds)?(_bucket|_count|_sum|_max)$", "").replaceAll("_total$", "");
        assertThat(sources()).as("%s reads %s: a meter named %s is registered in the services' code", where, series, meter)
                .containsAnyOf("\"" + meter + "\"", "\"" + meter + "_total\"");
    }

    /** The main Java sources of the services and gpconnect-common, read (never built). */
    static String sources() {
        if (sources == null) {
            Path root = Charts.repository();
            try (Stream<Path> files = Stream.of("spine-gateway", "appointment-service", "access-record-service", "send-document-service", "gpconnect-common")
                    .map(m -> root.resolve(m).resolve("src/main/java")).filter(Files::isDirectory).flatMap(Metrics::walk)) {
                sources = files.filter(f -> f.toString().endsWith(".java")).map(Metrics::read).collect(Collectors.joining("\n"));
            }
        }
        return sources;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
