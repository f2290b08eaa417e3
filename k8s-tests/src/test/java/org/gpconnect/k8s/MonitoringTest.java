package org.gpconnect.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The opt-in PrometheusRule: well formed, and every metric an alert reads exists. */
class MonitoringTest {

    private static final Pattern SERIES = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\{");
    /** Series from outside the suite: the Micrometer JVM binder every Quarkus service has, cAdvisor, kube-state-metrics, Prometheus. */
    private static final Set<String> STANDARD = Set.of("jvm_memory_used_bytes", "jvm_memory_max_bytes", "container_memory_working_set_bytes",
            "kube_pod_container_resource_limits", "container_cpu_cfs_throttled_periods_total", "container_cpu_cfs_periods_total", "up");

    @Test
    void alertsReadOnlyMetricsTheServicesPublish() {
        Rendered r = Charts.render(Charts.UMBRELLA + "/production");
        List<GenericKubernetesResource> rules = r.of(GenericKubernetesResource.class).stream()
                .filter(g -> g.getKind().equals("PrometheusRule")).toList();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) rules.get(0).getAdditionalProperties().get("spec")).get("groups");
        Set<String> alerts = new TreeSet<>();
        Set<String> series = new TreeSet<>();
        for (Map<String, Object> group : groups) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groupRules = (List<Map<String, Object>>) group.get("rules");
            for (Map<String, Object> rule : groupRules) {
                alerts.add((String) rule.get("alert"));
                String expr = (String) rule.get("expr");
                assertThat(expr).as(rule.get("alert") + " is scoped to the release's namespace").contains("namespace=\"" + Charts.NAMESPACE + "\"");
                Matcher m = SERIES.matcher(expr);
                while (m.find()) {
                    series.add(m.group(1));
                }
                assertThat(rule).containsKeys("labels", "annotations");
            }
        }
        assertThat(alerts).contains("GpConnectInteractionErrorRate", "GpConnectInteractionLatencyP99", "GpConnectAuditBacklog",
                "GpConnectAuditRecordsDropped", "GpConnectServiceDown", "GpConnectContainerNearMemoryLimit");
        String sources = serviceSources();
        for (String name : series) {
            if (STANDARD.contains(name)) {
                continue;
            }
            assertThat(name).as("a suite metric").startsWith("gpconnect_");
            String meter = name.replaceAll("(_seconds)?(_bucket|_count|_sum)$", "").replaceAll("_total$", "");
            assertThat(sources).as("%s: a meter named %s is registered in the services' code", name, meter)
                    .containsAnyOf("\"" + meter + "\"", "\"" + meter + "_total\"");
        }
        assertThat(Charts.render(Charts.UMBRELLA + "/minimal").of(GenericKubernetesResource.class))
                .as("off by default").noneMatch(g -> g.getKind().equals("PrometheusRule"));
    }

    private static String serviceSources() {
        Path root = Charts.source(Charts.UMBRELLA).getParent().getParent().getParent();
        try (Stream<Path> files = Stream.of("spine-gateway", "appointment-service", "access-record-service", "send-document-service", "gpconnect-common")
                .map(m -> root.resolve(m).resolve("src/main/java")).filter(Files::isDirectory).flatMap(MonitoringTest::walk)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(MonitoringTest::read).collect(Collectors.joining("\n"));
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
