package org.gpconnect.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-in PrometheusRule and dashboard ConfigMaps of the umbrella: well formed, scoped to the release's
 * namespace, thresholds from the values, and every metric an alert reads exists ({@link Metrics}).
 */
class MonitoringTest {

    /** Every alert of the suite (k8s/README.md "Monitoring" lists them). */
    static final Set<String> ALERTS = Set.of("GpConnectInteractionErrorRate", "GpConnectInteractionLatencyP99", "GpConnectAuditBacklog",
            "GpConnectAuditRecordsDropped", "GpConnectOutboxBacklog", "GpConnectOutboxStale", "GpConnectKafkaConsumerLag",
            "GpConnectMeshInboxAge", "GpConnectMeshMailboxUnreachable", "GpConnectServiceDown", "GpConnectHeapNearLimit",
            "GpConnectContainerNearMemoryLimit", "GpConnectContainerCpuThrottled", "GpConnectContainerNearCpuLimit",
            "GpConnectContainerRestarting");

    @Test
    void alertsReadOnlyMetricsTheServicesPublish() {
        Rendered production = Charts.render(Charts.UMBRELLA + "/production");
        assertThat(production.of(GenericKubernetesResource.class).stream().filter(g -> g.getKind().equals("PrometheusRule")))
                .singleElement().satisfies(rule -> assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack"));
        Map<String, Map<String, Object>> rules = rules(production);
        assertThat(rules.keySet()).isEqualTo(new TreeSet<>(ALERTS));
        Set<String> read = new TreeSet<>();
        rules.forEach((alert, rule) -> {
            String expr = (String) rule.get("expr");
            assertThat(Metrics.selectors(expr)).as("%s: every selector is scoped to the release's namespace", alert)
                    .isNotEmpty().allMatch(s -> s.contains("namespace=\"" + Charts.NAMESPACE + "\""));
            Set<String> series = Metrics.series(expr);
            assertThat(series).as("%s reads a metric", alert).isNotEmpty();
            series.forEach(s -> Metrics.assertKnown("alert " + alert, s));
            read.addAll(series);
            assertThat(rule).as(alert).containsKeys("labels", "annotations");
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) rule.get("labels");
            assertThat(labels.get("severity")).as(alert).isIn("critical", "warning", "info");
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
            assertThat(annotations).as(alert).containsKeys("summary", "description");
        });
        assertThat(read).as("the backlogs of issue 8 are alerted on").contains("gpconnect_outbox_pending_events",
                "gpconnect_outbox_oldest_pending_seconds", "gpconnect_gateway_audit_records_pending",
                "kafka_consumer_fetch_manager_records_lag_max", "gpconnect_send_document_mesh_inbox_oldest_age_seconds",
                "container_cpu_usage_seconds_total", "container_memory_working_set_bytes");
        assertThat(Charts.render(Charts.UMBRELLA + "/minimal").of(GenericKubernetesResource.class))
                .as("off by default").noneMatch(g -> g.getKind().equals("PrometheusRule"));
    }

    @Test
    void thresholdsComeFromTheValues() throws IOException {
        Map<String, Map<String, Object>> production = rules(Charts.render(Charts.UMBRELLA + "/production"));
        assertThat((String) production.get("GpConnectMeshInboxAge").get("expr")).as("production sets 1200").endsWith("> 1200");
        Path values = Files.createTempFile("thresholds", ".yaml");
        Files.writeString(values, "prometheusRule:\n  enabled: true\n  outboxBacklogThreshold: 77\n  outboxAgeSeconds: 78\n"
                + "  kafkaConsumerLagThreshold: 79\n  meshInboxAgeSeconds: 80\n  cpuLimitRatio: 0.5\n");
        Map<String, Map<String, Object>> set = rules(Rendered.parse("thresholds", Charts.template(Charts.UMBRELLA).withValuesFile(values).call()));
        Files.delete(values);
        assertThat((String) set.get("GpConnectOutboxBacklog").get("expr")).endsWith("> 77");
        assertThat((String) set.get("GpConnectOutboxStale").get("expr")).endsWith("> 78");
        assertThat((String) set.get("GpConnectKafkaConsumerLag").get("expr")).endsWith("> 79");
        assertThat((String) set.get("GpConnectMeshInboxAge").get("expr")).endsWith("> 80");
        assertThat(((String) set.get("GpConnectContainerNearCpuLimit").get("expr")).strip()).endsWith("> 0.5");
    }

    @Test
    void dashboardsShipAsConfigMapsForTheGrafanaSidecar() throws IOException {
        List<ConfigMap> dashboards = dashboards(Charts.render(Charts.UMBRELLA + "/production"));
        Map<String, Path> files = DashboardsTest.files();
        assertThat(dashboards).extracting(cm -> cm.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(
                files.keySet().stream().map(f -> Charts.RELEASE + "-dashboard-" + f.replace(".json", "")).toList());
        for (ConfigMap cm : dashboards) {
            assertThat(cm.getMetadata().getNamespace()).isEqualTo("monitoring");
            assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1").containsEntry("app.kubernetes.io/instance", Charts.RELEASE);
            assertThat(cm.getMetadata().getAnnotations()).containsEntry("grafana_folder", "GP Connect");
            assertThat(cm.getData()).hasSize(1);
            Map.Entry<String, String> data = cm.getData().entrySet().iterator().next();
            assertThat(data.getValue()).as("%s is the file of k8s/dashboards, unchanged", data.getKey())
                    .isEqualTo(Files.readString(files.get(data.getKey())).strip());
        }
        Rendered withoutSendDocument = Rendered.parse("no send-document", Charts.template(Charts.UMBRELLA)
                .set("grafanaDashboards.enabled", true).set("send-document-service.enabled", false).call());
        assertThat(dashboards(withoutSendDocument)).as("a service left out has no dashboard; the suite's stays")
                .extracting(cm -> cm.getMetadata().getName())
                .contains(Charts.RELEASE + "-dashboard-gpconnect-suite").doesNotContain(Charts.RELEASE + "-dashboard-send-document-service")
                .hasSize(files.size() - 1)
                .allMatch(n -> !n.isEmpty());
        assertThat(dashboards(withoutSendDocument)).allMatch(cm -> cm.getMetadata().getNamespace().equals(Charts.NAMESPACE));
        assertThat(dashboards(Charts.render(Charts.UMBRELLA + "/minimal"))).as("off by default").isEmpty();
    }

    private static List<ConfigMap> dashboards(Rendered r) {
        return r.configMaps().stream().filter(cm -> cm.getMetadata().getName().contains("-dashboard-")).collect(Collectors.toList());
    }

    /** The alerts of the release's one PrometheusRule, by name. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> rules(Rendered r) {
        List<GenericKubernetesResource> rules = r.of(GenericKubernetesResource.class).stream()
                .filter(g -> g.getKind().equals("PrometheusRule")).toList();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).getMetadata().getNamespace()).isEqualTo(Charts.NAMESPACE);
        Map<String, Map<String, Object>> byName = new TreeMap<>();
        List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) rules.get(0).getAdditionalProperties().get("spec")).get("groups");
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(byName.put((String) rule.get("alert"), rule)).as("alert names are unique").isNull();
            }
        }
        return byName;
    }
}
