package org.gpconnect.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario of every chart (its default values and each ci/*-values.yaml), rendered and parsed into
 * Kubernetes models, against the rules a platform team relies on.
 */
class ScenarioTest {

    /** Names of environment variables that carry secrets (or, ending in _FILE, name a Secret's file): only ever from a secretKeyRef or a mounted Secret. */
    static final Pattern SECRET_ENV = Pattern.compile("(?i).*(PASSWORD|SECRET|JAAS|PRIVATE|SHARED_KEY|CREDENTIAL|TOKEN_FILE).*");

    static List<String> scenarios() {
        return Charts.allScenarios().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyFieldIsKnownToKubernetes(String scenario) {
        Rendered r = Charts.render(scenario);
        List<String> unknown = new ArrayList<>();
        r.sources.forEach((res, template) -> UnknownFields.of(res).forEach(u -> unknown.add(template + ": " + u)));
        assertThat(unknown).as("%s: fields Kubernetes does not know", scenario).isEmpty();
        for (GenericKubernetesResource monitor : r.serviceMonitors()) {
            assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
            assertThat(spec).containsOnlyKeys("selector", "namespaceSelector", "endpoints");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");
            endpoints.forEach(e -> assertThat(Set.of("port", "path", "interval", "scrapeTimeout", "relabelings", "metricRelabelings"))
                    .containsAll(e.keySet()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyResourceCarriesTheStandardLabels(String scenario) {
        for (HasMetadata res : Charts.render(scenario).all()) {
            assertThat(res.getMetadata().getLabels()).as("%s %s/%s", scenario, res.getKind(), res.getMetadata().getName())
                    .containsKeys("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/managed-by",
                            "app.kubernetes.io/part-of", "helm.sh/chart")
                    .containsEntry("app.kubernetes.io/instance", Charts.RELEASE);
            if (res.getKind().equals("ConfigMap") && res.getMetadata().getLabels().containsKey("grafana_dashboard")) {
                // dashboards go where Grafana's sidecar looks (grafanaDashboards.namespace)
                assertThat(res.getMetadata().getNamespace()).isIn(Charts.NAMESPACE, "monitoring");
                continue;
            }
            assertThat(res.getMetadata().getNamespace()).isEqualTo(Charts.NAMESPACE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void servicesAndDisruptionBudgetsSelectOnlyTheirDeploymentsPods(String scenario) {
        Rendered r = Charts.render(scenario);
        assertThat(r.deployments()).as(scenario).isNotEmpty();
        for (Service svc : r.services()) {
            List<String> selected = selected(r, svc.getSpec().getSelector());
            assertThat(selected).as("%s: pods of Service %s", scenario, svc.getMetadata().getName())
                    .hasSize(1).allMatch(p -> p.startsWith("Deployment/"));
            Deployment target = r.deployment(selected.get(0).substring("Deployment/".length()));
            Set<String> portNames = new HashSet<>();
            target.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.getPorts().forEach(p -> portNames.add(p.getName())));
            for (ServicePort port : svc.getSpec().getPorts()) {
                assertThat(portNames).as("%s: Service %s targets a named container port", scenario, svc.getMetadata().getName())
                        .contains(port.getTargetPort().getStrVal());
            }
        }
        for (PodDisruptionBudget pdb : r.pdbs()) {
            assertThat(selected(r, pdb.getSpec().getSelector().getMatchLabels()))
                    .as("%s: pods of PodDisruptionBudget %s", scenario, pdb.getMetadata().getName())
                    .hasSize(1).allMatch(p -> p.startsWith("Deployment/"));
        }
        for (Deployment d : r.deployments()) {
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).as("selector of %s", d.getMetadata().getName())
                    .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void autoscalersTargetDeploymentsThatLeaveReplicasToThem(String scenario) {
        Rendered r = Charts.render(scenario);
        Set<String> scaled = new HashSet<>();
        for (HorizontalPodAutoscaler hpa : r.hpas()) {
            var ref = hpa.getSpec().getScaleTargetRef();
            assertThat(ref.getKind()).isEqualTo("Deployment");
            assertThat(ref.getApiVersion()).isEqualTo("apps/v1");
            r.deployment(ref.getName());
            scaled.add(ref.getName());
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(hpa.getSpec().getMetrics()).as("%s: metrics of %s", scenario, hpa.getMetadata().getName()).isNotEmpty();
        }
        for (Deployment d : r.deployments()) {
            if (scaled.contains(d.getMetadata().getName())) {
                assertThat(d.getSpec().getReplicas()).as("%s: %s is scaled by its HPA", scenario, d.getMetadata().getName()).isNull();
            } else {
                assertThat(d.getSpec().getReplicas()).as("%s: %s has replicas", scenario, d.getMetadata().getName()).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void networkPoliciesSelectExistingPods(String scenario) {
        Rendered r = Charts.render(scenario);
        for (NetworkPolicy np : r.networkPolicies()) {
            LabelSelector selector = np.getSpec().getPodSelector();
            assertThat(np.getSpec().getPolicyTypes()).as("%s: %s", scenario, np.getMetadata().getName()).containsExactlyInAnyOrder("Ingress", "Egress");
            if (np.getMetadata().getName().endsWith("-default-deny")) {
                assertThat(selector.getMatchLabels()).isNullOrEmpty();
                assertThat(np.getSpec().getIngress()).isNullOrEmpty();
                assertThat(np.getSpec().getEgress()).isNullOrEmpty();
                continue;
            }
            assertThat(selector.getMatchLabels()).as("%s: %s selects pods", scenario, np.getMetadata().getName()).isNotEmpty();
            assertThat(selected(r, selector.getMatchLabels())).as("%s: pods of NetworkPolicy %s", scenario, np.getMetadata().getName())
                    .hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void serviceContainersHaveProbesOnQuarkusHealth(String scenario) {
        for (Deployment d : Charts.render(scenario).deployments()) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                Set<String> ports = new HashSet<>();
                c.getPorts().forEach(p -> ports.add(p.getName()));
                String where = scenario + " " + d.getMetadata().getName();
                checkProbe(where, c.getStartupProbe(), "/q/health/started", ports);
                checkProbe(where, c.getLivenessProbe(), "/q/health/live", ports);
                checkProbe(where, c.getReadinessProbe(), "/q/health/ready", ports);
                if (d.getMetadata().getName().endsWith("spine-gateway")) {
                    assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).as("gateway probes the admin port").isEqualTo("admin");
                    assertThat(c.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("http", 8080), org.assertj.core.groups.Tuple.tuple("admin", 9000));
                } else {
                    assertThat(c.getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(8080);
                }
            }
        }
    }

    private static void checkProbe(String where, Probe probe, String path, Set<String> ports) {
        assertThat(probe).as("%s probe %s", where, path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(where).isEqualTo(path);
        assertThat(ports).as("%s: probe %s port", where, path).contains(get.getPort().getStrVal());
        assertThat(probe.getPeriodSeconds()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPodIsRestrictedWithResourcesAndAWritableTmp(String scenario) {
        for (Map.Entry<String, PodSpec> e : Charts.render(scenario).podSpecs().entrySet()) {
            String where = scenario + " " + e.getKey();
            PodSpec spec = e.getValue();
            PodSecurityContext pod = spec.getSecurityContext();
            assertThat(pod.getRunAsNonRoot()).as(where).isTrue();
            assertThat(pod.getSeccompProfile().getType()).as(where).isEqualTo("RuntimeDefault");
            assertThat(spec.getAutomountServiceAccountToken()).as("%s mounts no API token", where).isFalse();
            assertThat(spec.getEnableServiceLinks()).as("%s has no service-link variables", where).isFalse();
            assertThat(spec.getInitContainers()).isNullOrEmpty();
            Volume tmp = spec.getVolumes().stream().filter(v -> v.getName().equals("tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no tmp volume"));
            assertThat(tmp.getEmptyDir()).as(where).isNotNull();
            assertThat(tmp.getEmptyDir().getSizeLimit()).as("%s: /tmp is bounded", where).isNotNull();
            spec.getVolumes().stream().filter(v -> v.getEmptyDir() != null).forEach(v -> assertThat(v.getEmptyDir().getSizeLimit())
                    .as("%s: emptyDir %s is bounded", where, v.getName()).isNotNull());
            for (Container c : spec.getContainers()) {
                SecurityContext sc = c.getSecurityContext();
                assertThat(sc.getRunAsNonRoot()).as(where).isTrue();
                assertThat(sc.getReadOnlyRootFilesystem()).as(where).isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(where).isFalse();
                assertThat(sc.getPrivileged()).as(where).isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities().getDrop()).as(where).containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd()).as(where).isNullOrEmpty();
                assertThat(sc.getSeccompProfile().getType()).as(where).isEqualTo("RuntimeDefault");
                assertThat(c.getResources().getRequests()).as("%s requests", where).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as("%s limits", where).containsKeys("cpu", "memory");
                assertThat(c.getVolumeMounts()).as(where).anyMatch(m -> m.getName().equals("tmp") && m.getMountPath().equals("/tmp"));
                assertThat(c.getImage()).as(where).doesNotEndWith(":latest").contains(":");
                List<String> env = c.getEnv() == null ? List.of() : c.getEnv().stream().map(EnvVar::getName).toList();
                assertThat(env).as("%s: environment names are unique", where).doesNotHaveDuplicates();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void deploymentsReadTheirConfigMapAndRollWhenItChanges(String scenario) {
        Rendered r = Charts.render(scenario);
        for (Deployment d : r.deployments()) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            String configMap = c.getEnvFrom().get(0).getConfigMapRef().getName();
            ConfigMap cm = r.configMap(configMap);
            assertThat(cm.getData()).as(scenario).containsKeys("GPC_DB_URL", "GPC_DB_JDBC_URL", "GPC_KAFKA_BOOTSTRAP", "GPC_SEED_DEMO_DATA");
            assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).as(scenario)
                    .hasEntrySatisfying("checksum/config", v -> assertThat(v).matches("[0-9a-f]{64}"));
            boolean demo = scenario.endsWith("/demo");
            assertThat(cm.getData().get("GPC_SEED_DEMO_DATA")).as("%s: demo data only in the demo scenario", scenario).isEqualTo(Boolean.toString(demo));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void secretsComeOnlyFromTheNamedExistingSecrets(String scenario) {
        Rendered r = Charts.render(scenario);
        Set<String> allowed = Secrets.expectedNames(scenario);
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, PodSpec> e : r.podSpecs().entrySet()) {
            for (Container c : e.getValue().getContainers()) {
                for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        used.add(env.getValueFrom().getSecretKeyRef().getName());
                        assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isNotBlank();
                    } else {
                        if (SECRET_ENV.matcher(env.getName()).matches()) {
                            assertThat(Secrets.isSecretFile(env.getName(), env.getValue(), e.getValue()))
                                    .as("%s %s: a secret-looking variable %s with a literal value that is not a file of a mounted Secret",
                                            scenario, e.getKey(), env.getName()).isTrue();
                        }
                        Secrets.assertNoSecretMaterial(scenario + " " + e.getKey() + " env " + env.getName(), env.getValue());
                    }
                }
            }
            for (Volume v : e.getValue().getVolumes()) {
                if (v.getSecret() != null) {
                    used.add(v.getSecret().getSecretName());
                    assertThat(v.getSecret().getItems()).as("%s: Secret volume %s mounts named keys only", scenario, v.getName()).isNotEmpty();
                }
            }
        }
        assertThat(allowed).as("%s: only Secrets named in the values (or their documented defaults) are read", scenario).containsAll(used);
        assertThat(used).as("%s: every Secret named in the values is read", scenario).containsAll(allowed);
        for (ConfigMap cm : r.configMaps()) {
            List<PodSpec> readers = r.podSpecs().values().stream().filter(spec -> spec.getContainers().stream()
                    .anyMatch(c -> c.getEnvFrom() != null && c.getEnvFrom().stream().anyMatch(f -> f.getConfigMapRef() != null
                            && f.getConfigMapRef().getName().equals(cm.getMetadata().getName())))).toList();
            cm.getData().forEach((k, v) -> {
                if (SECRET_ENV.matcher(k).matches()) {
                    // only the path of a secret file (GPC_MESH_SHARED_SECRET_FILE), which every pod reading the ConfigMap mounts
                    assertThat(readers).as("%s: ConfigMap %s key %s names a secret but no pod reads it", scenario, cm.getMetadata().getName(), k).isNotEmpty();
                    readers.forEach(spec -> assertThat(Secrets.isSecretFile(k, v, spec))
                            .as("%s: ConfigMap key %s=%s is secret-looking but not a file of a mounted Secret", scenario, k, v).isTrue());
                }
                Secrets.assertNoSecretMaterial(scenario + " ConfigMap " + k, v);
            });
        }
        assertThat(r.of(io.fabric8.kubernetes.api.model.Secret.class)).as("the charts create no Secret").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void onlyTheGatewaysConsumerPortIsExposed(String scenario) {
        Rendered r = Charts.render(scenario);
        for (Ingress ingress : r.ingresses()) {
            assertThat(ingress.getMetadata().getName()).as(scenario).endsWith("spine-gateway");
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                var backend = path.getBackend().getService();
                assertThat(backend.getName()).as("%s: Ingress backend", scenario).isEqualTo(Charts.RELEASE + "-spine-gateway");
                assertThat(backend.getPort().getName()).as("%s: Ingress port", scenario).isEqualTo("http");
            }));
            Service consumer = r.services().stream().filter(s -> s.getMetadata().getName().equals(Charts.RELEASE + "-spine-gateway")).findFirst().orElseThrow();
            assertThat(consumer.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal()).containsExactly("http");
        }
        for (Service svc : r.services()) {
            boolean gatewayConsumer = svc.getMetadata().getName().equals(Charts.RELEASE + "-spine-gateway");
            if (!gatewayConsumer) {
                assertThat(svc.getSpec().getType()).as("%s: %s stays inside the cluster", scenario, svc.getMetadata().getName()).isEqualTo("ClusterIP");
            }
            if (svc.getMetadata().getName().endsWith("-admin")) {
                assertThat(svc.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal()).containsExactly("admin");
            }
        }
        if (scenario.contains("production") && (scenario.startsWith("spine-gateway") || scenario.startsWith(Charts.UMBRELLA))) {
            assertThat(r.ingresses()).as("%s: the production-like scenario exposes the gateway", scenario).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void serviceMonitorsScrapeAServicesMetricsPort(String scenario) {
        Rendered r = Charts.render(scenario);
        for (GenericKubernetesResource monitor : r.serviceMonitors()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
            @SuppressWarnings("unchecked")
            Map<String, String> match = (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
            List<Service> services = r.services().stream().filter(s -> s.getMetadata().getLabels().entrySet().containsAll(match.entrySet())).toList();
            assertThat(services).as("%s: Services of ServiceMonitor %s", scenario, monitor.getMetadata().getName()).hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
            assertThat(endpoint).containsEntry("path", "/q/metrics");
            assertThat(services.get(0).getSpec().getPorts()).extracting(ServicePort::getName).contains((String) endpoint.get("port"));
            if (monitor.getMetadata().getName().endsWith("spine-gateway")) {
                assertThat(endpoint).as("the gateway is scraped on its admin port").containsEntry("port", "admin");
            }
        }
        if (scenario.contains("production")) {
            assertThat(r.serviceMonitors()).as(scenario).hasSameSizeAs(r.deployments());
            assertThat(r.pdbs()).as(scenario).hasSameSizeAs(r.deployments());
            assertThat(r.networkPolicies()).as(scenario).isNotEmpty();
            assertThat(r.hpas()).as(scenario).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void topologySpreadKeepsToTheServicesOwnPods(String scenario) {
        for (Deployment d : Charts.render(scenario).deployments()) {
            var constraints = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            assertThat(constraints).as("%s: %s spreads its pods", scenario, d.getMetadata().getName()).isNotEmpty();
            constraints.forEach(c -> assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(c.getLabelSelector().getMatchLabels()));
        }
    }

    /** Which pods (Deployment, Job or test Pod) a label selector matches. */
    static List<String> selected(Rendered r, Map<String, String> selector) {
        assertThat(selector).as("%s: an empty selector", r).isNotEmpty();
        return r.podLabels().entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().entrySet().containsAll(selector.entrySet()))
                .map(Map.Entry::getKey).toList();
    }

    static Pod testPod(Rendered r, String fullname) {
        return r.pods().stream().filter(p -> p.getMetadata().getName().equals(fullname + "-test")).findFirst()
                .orElseThrow(() -> new AssertionError(r + ": no test pod for " + fullname));
    }
}
