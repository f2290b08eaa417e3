package org.gpconnect.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies as a set of flows, "subject in|out peer port": default-deny for every pod of the
 * suite, plus exactly the flows the suite needs.
 */
class NetworkPolicyTest {

    /** The flows of a rendering, one line each; pods are named by their app.kubernetes.io/name. */
    static Set<String> flows(Rendered r) {
        Set<String> flows = new TreeSet<>();
        for (NetworkPolicy np : r.networkPolicies()) {
            Map<String, String> selector = np.getSpec().getPodSelector().getMatchLabels();
            String subject = selector == null || selector.isEmpty() ? "*" : selector.get("app.kubernetes.io/name");
            if (np.getSpec().getIngress() != null) {
                np.getSpec().getIngress().forEach(rule -> add(flows, subject, "in ", rule.getFrom(), rule.getPorts()));
            }
            if (np.getSpec().getEgress() != null) {
                np.getSpec().getEgress().forEach(rule -> add(flows, subject, "out", rule.getTo(), rule.getPorts()));
            }
        }
        return flows;
    }

    private static void add(Set<String> flows, String subject, String direction, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
        List<String> peerNames = new ArrayList<>();
        if (peers == null || peers.isEmpty()) {
            peerNames.add("any");
        } else {
            peers.forEach(p -> peerNames.add(peer(p)));
        }
        for (String peer : peerNames) {
            for (NetworkPolicyPort port : ports) {
                String number = port.getPort().getStrVal() != null ? port.getPort().getStrVal() : port.getPort().getIntVal().toString();
                flows.add(subject + " " + direction + " " + peer + " " + number + "/" + port.getProtocol());
            }
        }
    }

    private static String peer(NetworkPolicyPeer p) {
        if (p.getIpBlock() != null) {
            return "cidr:" + p.getIpBlock().getCidr();
        }
        StringBuilder s = new StringBuilder();
        if (p.getNamespaceSelector() != null) {
            s.append("ns").append(labels(p.getNamespaceSelector()));
        }
        if (p.getPodSelector() != null) {
            s.append(s.length() > 0 ? "+" : "").append("pod").append(labels(p.getPodSelector()));
        }
        return s.toString();
    }

    private static String labels(LabelSelector selector) {
        Map<String, String> labels = new TreeMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
        labels.remove("app.kubernetes.io/instance"); // always this release where present
        String name = labels.remove("app.kubernetes.io/name");
        String ns = labels.remove("kubernetes.io/metadata.name");
        List<String> parts = new ArrayList<>();
        if (name != null) {
            parts.add(name);
        }
        if (ns != null) {
            parts.add(ns);
        }
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        return "(" + String.join(",", parts) + ")";
    }

    static List<String> defaultScenarios() {
        return Charts.APPLICATIONS.stream().map(c -> c + "/" + Charts.DEFAULTS).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultScenarios")
    void offByDefault(String scenario) {
        assertThat(Charts.render(scenario).networkPolicies()).isEmpty();
    }

    @Test
    void productionLikeSuiteAllowsExactlyTheSuitesFlows() {
        Rendered r = Charts.render(Charts.UMBRELLA + "/production");
        String dns = "ns(kube-system)+pod(k8s-app=kube-dns)";
        String pg = "ns(databases)+pod(cnpg.io/cluster=gpconnect-pg)";
        String kafka = "ns(kafka)+pod(strimzi.io/cluster=gpconnect-kafka)";
        String prometheus = "ns(monitoring)+pod(prometheus)";
        Set<String> expected = new TreeSet<>();
        for (String service : Charts.SERVICES) {
            boolean gateway = service.equals("spine-gateway");
            String metrics = gateway ? "admin" : "http";
            expected.add(service + " out " + dns + " 53/UDP");
            expected.add(service + " out " + dns + " 53/TCP");
            expected.add(service + " out " + pg + " 5432/TCP");
            expected.add(service + " out " + kafka + " 9093/TCP");
            expected.add(service + " in  " + prometheus + " " + metrics + "/TCP");
            expected.add(service + " in  pod(" + service + "-test) http/TCP");
            expected.add(service + "-test out " + dns + " 53/UDP");
            expected.add(service + "-test out " + dns + " 53/TCP");
            expected.add(service + "-test out pod(" + service + ") 8080/TCP");
            if (gateway) {
                expected.add(service + " in  pod(" + service + "-test) admin/TCP");
                expected.add(service + "-test out pod(" + service + ") 9000/TCP");
            }
        }
        // consumers reach the gateway through the ingress controller; operators' tooling its admin port
        expected.add("spine-gateway in  ns(ingress-nginx) http/TCP");
        expected.add("spine-gateway in  ns(gpconnect-ops) admin/TCP");
        // the gateway calls the two provider services it routes to, and exports traces
        expected.add("spine-gateway out pod(appointment-service) 8080/TCP");
        expected.add("spine-gateway out pod(access-record-service) 8080/TCP");
        expected.add("spine-gateway out ns(observability) 4317/TCP");
        expected.add("appointment-service in  pod(spine-gateway) http/TCP");
        expected.add("access-record-service in  pod(spine-gateway) http/TCP");
        // send-document-service polls MESH
        expected.add("send-document-service out cidr:192.0.2.0/28 443/TCP");
        // appointment-service traces patients on PDS; the GP system's integration calls its practice administration API
        expected.add("appointment-service out cidr:198.51.100.0/28 443/TCP");
        expected.add("appointment-service in  ns(gp-system)+pod(gp-system-integration) http/TCP");
        // the migration Job of appointment-service: its database only
        expected.add("appointment-service-migration out " + dns + " 53/UDP");
        expected.add("appointment-service-migration out " + dns + " 53/TCP");
        expected.add("appointment-service-migration out " + pg + " 5432/TCP");
        assertThat(flows(r)).containsExactlyElementsOf(expected);
        assertEveryPodIsDefaultDeny(r);
        assertThat(r.networkPolicies()).filteredOn(n -> n.getMetadata().getName().equals("rel-default-deny")).hasSize(1);
    }

    @Test
    void withoutPeersTheSuiteStillOnlyOpensItsPorts() {
        Rendered r = Rendered.parse("minimal+networkPolicy", Charts.template(Charts.UMBRELLA)
                .withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "minimal")).set("global.networkPolicy.enabled", true).call());
        Set<String> flows = flows(r);
        assertThat(flows).contains(
                "appointment-service out any 5432/TCP", "appointment-service out any 9092/TCP",
                "spine-gateway in  ns(ingress-nginx) http/TCP", "appointment-service in  pod(spine-gateway) http/TCP");
        assertThat(flows).filteredOn(f -> f.contains(" any ")).allMatch(f -> f.endsWith(" 5432/TCP") || f.endsWith(" 9092/TCP"));
        assertThat(flows).filteredOn(f -> f.startsWith("send-document-service in ")).noneMatch(f -> f.contains("spine-gateway"));
        assertThat(flows).as("nothing reaches the gateway's admin port but Prometheus and helm test")
                .filteredOn(f -> f.startsWith("spine-gateway in ") && f.contains(" admin/"))
                .allMatch(f -> f.contains("monitoring") || f.contains("spine-gateway-test"));
        assertEveryPodIsDefaultDeny(r);
        assertThat(r.networkPolicies()).noneMatch(n -> n.getMetadata().getName().endsWith("-default-deny"));
    }

    /** Every pod is selected by a policy of both types: what no rule allows is denied. */
    private static void assertEveryPodIsDefaultDeny(Rendered r) {
        r.podLabels().forEach((pod, labels) -> assertThat(r.networkPolicies())
                .as("%s: policies selecting %s", r, pod)
                .filteredOn(n -> n.getSpec().getPodSelector().getMatchLabels() != null
                        && !n.getSpec().getPodSelector().getMatchLabels().isEmpty()
                        && labels.entrySet().containsAll(n.getSpec().getPodSelector().getMatchLabels().entrySet()))
                .hasSize(1)
                .allMatch(n -> n.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))));
    }
}
