package org.gpconnect.k8s;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * appointment-service's PDS settings, rendered the way the service reads them (its application.properties and
 * AppointmentServiceConfig.Pds): GPC_PDS_* variables whose file paths are items of the PDS Secret, mounted
 * read-only as a directory so that a rotated token reaches the file; egress to the PDS host's port only when
 * PDS is on. And its practice administration API: on the service's own port, reached only by the peers of
 * networkPolicy.admin.from, never through the Ingress.
 */
class AppointmentPdsTest {

    static final String CHART = "appointment-service";
    static final String FULLNAME = Charts.RELEASE + "-" + CHART;
    /** Every variable the chart may set for PDS. */
    static final String PDS_VARIABLE = "GPC_PDS_.*|GPCONNECT_APPOINTMENTS_PDS_.*";

    /** PDS on, every other value at its default. */
    static final String ENABLED = """
            pds:
              enabled: true
              url: https://pds.example.org/personal-demographics/FHIR/R4
              existingSecret: pds
            """;

    @TempDir
    static Path tmp;

    static TemplateCommand template(String chart, String yaml) {
        try {
            Path values = Files.createTempFile(tmp, "values", ".yaml");
            Files.writeString(values, yaml);
            return Charts.template(chart).withValuesFile(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rendered render(String name, String yaml) {
        return Rendered.parse(name, template(CHART, yaml).call());
    }

    static Map<String, String> config(Rendered r) {
        return r.configMap(FULLNAME).getData();
    }

    static Map<String, String> pdsConfig(Rendered r) {
        return config(r).entrySet().stream().filter(e -> e.getKey().matches(PDS_VARIABLE))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    static PodSpec pod(Rendered r) {
        return SecretVolumes.pod(r, FULLNAME);
    }



    /** The secret items of the PDS volume, as "key → path". */
    static Map<String, String> pdsItems(PodSpec pod) {
        return SecretVolumes.items(pod, "pds");
    }

    /** The flows of appointment-service's own pods (not its test or migration pods). */
    static Set<String> ownFlows(Rendered r) {
        return NetworkPolicyTest.flows(r).stream().filter(f -> f.startsWith(CHART + " ")).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CHART + "/defaults", CHART + "/minimal", Charts.UMBRELLA + "/defaults", Charts.UMBRELLA + "/minimal", Charts.UMBRELLA + "/demo"})
    void pdsIsOffUnlessEnabled(String scenario) {
        Rendered r = Charts.render(scenario);
        assertThat(pdsConfig(r)).as(scenario).isEmpty();
        assertThat(pod(r).getVolumes()).extracting(Volume::getName).doesNotContain("pds");
    }

    @Test
    void withoutPdsNoEgressIsOpenedBeyondTheSuitesOwn() {
        Rendered r = render("off+networkPolicy", "networkPolicy:\n  enabled: true\n");
        assertThat(ownFlows(r)).filteredOn(f -> f.startsWith(CHART + " out "))
                .allMatch(f -> f.matches(".* (53/UDP|53/TCP|5432/TCP|9092/TCP)"), "DNS, PostgreSQL and Kafka only");
    }

    @Test
    void productionConfiguresTheServiceAsItReadsItsConfiguration() {
        Rendered r = Charts.render(CHART + "/production");
        Map<String, String> env = config(r);
        PodSpec pod = pod(r);
        assertThat(pdsConfig(r)).containsOnlyKeys("GPC_PDS_URL", "GPC_PDS_TOKEN_FILE", "GPC_PDS_TLS", "GPC_PDS_CA_CERT",
                        "GPCONNECT_APPOINTMENTS_PDS_TOKEN_REFRESH", "GPCONNECT_APPOINTMENTS_PDS_CONNECT_TIMEOUT",
                        "GPCONNECT_APPOINTMENTS_PDS_REQUEST_TIMEOUT", "GPCONNECT_APPOINTMENTS_PDS_MAX_ATTEMPTS",
                        "GPCONNECT_APPOINTMENTS_PDS_RETRY_BACKOFF")
                .containsEntry("GPC_PDS_URL", "https://pds.egress.svc:8443/personal-demographics/FHIR/R4")
                .containsEntry("GPC_PDS_TLS", "true")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_TOKEN_REFRESH", "30s")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_CONNECT_TIMEOUT", "1s")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_REQUEST_TIMEOUT", "3s")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_MAX_ATTEMPTS", "3")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_RETRY_BACKOFF", "250ms");
        // every file the service is told about is an item of the PDS Secret, under the key the values name
        assertThat(SecretVolumes.secretItemAt(pod, env.get("GPC_PDS_TOKEN_FILE"))).contains("gpconnect-pds/token");
        assertThat(SecretVolumes.secretItemAt(pod, env.get("GPC_PDS_CA_CERT"))).contains("gpconnect-pds/egress-ca.crt");
        assertThat(pdsItems(pod)).as("nothing else is mounted from the PDS Secret").containsOnlyKeys("token", "egress-ca.crt");
        assertThat(pod.getContainers().get(0).getEnv()).extracting(EnvVar::getName).as("the PDS token is a file, not a variable")
                .noneMatch(n -> n.contains("PDS"));
        // out to PDS (through the egress proxy) on the URL's port; in from the GP system's network for /admin/
        assertThat(ownFlows(r)).contains(CHART + " out ns(egress)+pod(egress-proxy) 8443/TCP", CHART + " in  cidr:10.20.0.0/24 http/TCP")
                .filteredOn(f -> f.startsWith(CHART + " out ")).hasSize(5); // DNS (UDP, TCP), PostgreSQL, Kafka, PDS: nothing else
    }

    @Test
    void theSuitesScenariosNameTheirOwnKeysAndLeaveTheCaToTheJvmByDefault() {
        Rendered production = Charts.render(Charts.UMBRELLA + "/production");
        assertThat(pdsItems(pod(production))).containsExactlyEntriesOf(Map.of("token", "token"));
        assertThat(pdsConfig(production)).doesNotContainKey("GPC_PDS_CA_CERT")
                .containsEntry("GPC_PDS_URL", "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_REQUEST_TIMEOUT", "4s")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_CONNECT_TIMEOUT", "2s");
        Rendered external = Charts.render(Charts.UMBRELLA + "/external-secrets");
        PodSpec pod = pod(external);
        assertThat(pdsItems(pod)).containsExactlyInAnyOrderEntriesOf(Map.of("access_token", "token", "internal-ca.pem", "ca.crt"));
        assertThat(SecretVolumes.secretItemAt(pod, config(external).get("GPC_PDS_TOKEN_FILE"))).contains("es-pds/access_token");
        assertThat(SecretVolumes.secretItemAt(pod, config(external).get("GPC_PDS_CA_CERT"))).contains("es-pds/internal-ca.pem");
    }

    @Test
    void withoutTlsForATestDoubleNoCaIsMountedAndThePortComesFromTheUrl() {
        Rendered r = render("tls-off", ENABLED.replace("https://pds.example.org", "http://pds-double.test.svc:18096")
                + "  tls:\n    enabled: false\n    caKey: ca.crt\nnetworkPolicy:\n  enabled: true\n");
        assertThat(pdsConfig(r)).containsEntry("GPC_PDS_TLS", "false")
                .containsEntry("GPC_PDS_URL", "http://pds-double.test.svc:18096/personal-demographics/FHIR/R4")
                .doesNotContainKey("GPC_PDS_CA_CERT");
        assertThat(pdsItems(pod(r))).containsOnlyKeys("token");
        assertThat(ownFlows(r)).contains(CHART + " out any 18096/TCP").noneMatch(f -> f.matches(CHART + " out .* (80|443)/TCP"));
    }

    @Test
    void anHttpsUrlWithoutAPortOpens443AndTheDefaultsAreTheServicesOwn() {
        Rendered r = render("defaults-on", ENABLED + "networkPolicy:\n  enabled: true\n");
        assertThat(ownFlows(r)).contains(CHART + " out any 443/TCP");
        assertThat(pdsConfig(r)).containsEntry("GPC_PDS_TLS", "true").containsEntry("GPC_PDS_TOKEN_FILE", "/etc/gpconnect/pds/token")
                .doesNotContainKey("GPC_PDS_CA_CERT")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_TOKEN_REFRESH", "60s")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_CONNECT_TIMEOUT", "2s")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_REQUEST_TIMEOUT", "5s")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_MAX_ATTEMPTS", "2")
                .containsEntry("GPCONNECT_APPOINTMENTS_PDS_RETRY_BACKOFF", "200ms");
        assertThat(SecretVolumes.secretItemAt(pod(r), "/etc/gpconnect/pds/token")).contains("pds/token");
    }

    @Test
    void theMigrationJobGetsTheServicesSettingsButNoWayToPds() {
        Rendered r = render("job", ENABLED + "migration:\n  job:\n    enabled: true\nnetworkPolicy:\n  enabled: true\n");
        Job job = r.jobs().get(0);
        PodSpec spec = job.getSpec().getTemplate().getSpec();
        Map<String, String> env = spec.getContainers().get(0).getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        // the same settings as the pods (the service builds its PDS client at start-up), the same read-only file
        assertThat(env).containsEntry("GPC_PDS_URL", "https://pds.example.org/personal-demographics/FHIR/R4");
        assertThat(SecretVolumes.secretItemAt(spec, env.get("GPC_PDS_TOKEN_FILE"))).contains("pds/token");
        // ...but its NetworkPolicy lets it reach PostgreSQL and DNS only
        assertThat(NetworkPolicyTest.flows(r)).filteredOn(f -> f.startsWith(CHART + "-migration out "))
                .allMatch(f -> f.matches(".* (53/UDP|53/TCP|5432/TCP)"));
    }

    private static Map<String, String> checksums(UnaryOperator<TemplateCommand> values) {
        TemplateCommand template = Charts.template(Charts.UMBRELLA).withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "production"));
        return Rendered.parse("checksums", values.apply(template).call()).deployments().stream().collect(Collectors.toMap(
                d -> d.getMetadata().getName(), d -> d.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config")));
    }

    @Test
    void aPdsChangeRollsAppointmentServiceOnly() {
        Map<String, String> before = checksums(t -> t);
        Map<String, String> after = checksums(t -> t.set("appointment-service.pds.url", "https://api.service.nhs.uk/personal-demographics/FHIR/R4"));
        assertThat(after.get(FULLNAME)).isNotEqualTo(before.get(FULLNAME));
        before.forEach((name, sum) -> {
            if (!name.equals(FULLNAME)) {
                assertThat(after.get(name)).as(name).isEqualTo(sum);
            }
        });
        assertThat(checksums(t -> t.set("appointment-service.pds.requestTimeout", "6s")).get(FULLNAME)).isNotEqualTo(before.get(FULLNAME));
    }

    @Test
    void releaseNotesNameThePdsSecretOrWarnThatRegisterPatientFails() {
        String notes = new Helm(Charts.chart(CHART)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).withValuesFile(Charts.scenarioFile(CHART, "production"))
                .withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(notes).contains("gpconnect-pds: keys token, egress-ca.crt (PDS access token, PDS CA certificates)")
                .contains("open on port 8080 to the 1 peer(s) of networkPolicy.admin.from").doesNotContain("WARNING");
        String off = new Helm(Charts.chart(CHART)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(off).contains("WARNING: pds.enabled is false: register patient ($gpc.registerpatient) answers 500")
                .doesNotContain("admin.from");
        String suite = new Helm(Charts.chart(Charts.UMBRELLA)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "external-secrets"))
                .withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(suite).contains("es-pds: appointment-service's PDS access token and CA certificates (pds.tokenKey, pds.tls.caKey)")
                .doesNotContain("WARNING");
    }

    // --- the practice administration API (/admin/practices/..., role practice-admin) ---

    /** Ingress rules whose every path goes to the gateway, including paths an operator might try for /admin/. */
    static final String INGRESS_WITH_ADMIN_PATHS = """
            spine-gateway:
              ingress:
                enabled: true
                hosts:
                  - host: gpconnect.example.org
                    paths:
                      - path: /
                        pathType: Prefix
                      - path: /admin
                        pathType: Prefix
                      - path: /admin/practices
                        pathType: Prefix
            """;

    @Test
    void theIngressFrontsOnlyTheGatewaysConsumerListenerNeverAnAdminApi() {
        for (Rendered r : java.util.List.of(Charts.render(Charts.UMBRELLA + "/production"),
                Rendered.parse("ingress+admin-paths", template(Charts.UMBRELLA, INGRESS_WITH_ADMIN_PATHS).call()))) {
            assertThat(r.ingresses()).as(r.name).hasSize(1);
            String gateway = Charts.RELEASE + "-spine-gateway";
            var container = r.deployment(gateway).getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, Integer> ports = container.getPorts().stream().collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
            Map<String, String> gatewayConfig = r.configMap(gateway).getData();
            r.ingresses().get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                var backend = path.getBackend().getService();
                assertThat(backend.getName()).as("%s: Ingress path %s", r.name, path.getPath()).isEqualTo(gateway);
                var service = r.services().stream().filter(s -> s.getMetadata().getName().equals(backend.getName())).findFirst().orElseThrow();
                String target = service.getSpec().getPorts().stream().filter(p -> p.getName().equals(backend.getPort().getName()))
                        .findFirst().orElseThrow().getTargetPort().getStrVal();
                // the consumer listener (GPC_CONSUMER_PORT), which forwards only to registered FHIR service roots;
                // never Quarkus' HTTP port (GPC_ADMIN_PORT), where the gateway's own /admin/ lives
                assertThat(ports.get(target)).as("%s: Ingress path %s reaches container port %s", r.name, path.getPath(), target)
                        .isEqualTo(Integer.parseInt(gatewayConfig.get("GPC_CONSUMER_PORT")))
                        .isNotEqualTo(Integer.parseInt(gatewayConfig.get("GPC_ADMIN_PORT")));
            }));
            assertThat(r.services()).filteredOn(s -> s.getMetadata().getName().startsWith(FULLNAME))
                    .isNotEmpty().allSatisfy(s -> assertThat(s.getSpec().getType()).isEqualTo("ClusterIP"));
            // the gateway's egress to appointment-service is its only way there; its ingress controller never is
            assertThat(NetworkPolicyTest.flows(r)).filteredOn(f -> f.startsWith(CHART + " in "))
                    .noneMatch(f -> f.contains("ingress-nginx"));
        }
    }

    @Test
    void byDefaultOnlyTheGatewayPrometheusAndHelmTestReachTheServicesPort() {
        Rendered r = Rendered.parse("minimal+networkPolicy", Charts.template(Charts.UMBRELLA)
                .withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "minimal")).set("global.networkPolicy.enabled", true).call());
        assertThat(ownFlows(r)).filteredOn(f -> f.startsWith(CHART + " in ")).containsExactlyInAnyOrder(
                CHART + " in  pod(spine-gateway) http/TCP",
                CHART + " in  ns(monitoring) http/TCP",
                CHART + " in  pod(" + CHART + "-test) http/TCP");
    }

    @Test
    void adminCallersAreLetInOnTheServicesPortOnly() {
        Rendered r = render("admin", """
                networkPolicy:
                  enabled: true
                  admin:
                    from:
                      - namespaceSelector:
                          matchLabels:
                            kubernetes.io/metadata.name: gp-system
                      - ipBlock:
                          cidr: 10.20.0.0/24
                """);
        assertThat(ownFlows(r)).filteredOn(f -> f.startsWith(CHART + " in ")).containsExactlyInAnyOrder(
                CHART + " in  pod(spine-gateway) http/TCP",
                CHART + " in  ns(monitoring) http/TCP",
                CHART + " in  pod(" + CHART + "-test) http/TCP",
                CHART + " in  ns(gp-system) http/TCP",
                CHART + " in  cidr:10.20.0.0/24 http/TCP");
        var container = pod(r).getContainers().get(0);
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).as("the port the service listens on (PORT)").isEqualTo(Integer.parseInt(config(r).get("PORT")));
        });
    }
}
