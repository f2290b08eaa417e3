package org.gpconnect.k8s;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * send-document-service's MESH settings, rendered the way the service reads them (its application.properties,
 * SendDocumentConfig, MailboxRegistry): GPC_MESH_* variables whose file paths are items of the MESH Secret,
 * the per-practice mailboxes in a properties file named by QUARKUS_CONFIG_LOCATIONS whose password-file paths
 * are items of the same Secret, and a bounded, writable spool emptyDir named by the spool-directory property.
 */
class SendDocumentMeshTest {

    static final String CHART = "send-document-service";
    static final String FULLNAME = Charts.RELEASE + "-" + CHART;
    static final String MAILBOX_KEY = "gpconnect.send-document.mailboxes.\"%s\".%s";

    /** MESH on, one practice, every other value at its default. */
    static final String ENABLED = """
            mesh:
              enabled: true
              url: https://mesh.example.org
              existingSecret: mesh
              mailboxes:
                - ods: B82617
                  mailboxId: B82617OT01
                  passwordKey: b82617-password
            """;

    @TempDir
    static Path tmp;

    static Rendered render(String name, String yaml) {
        return Rendered.parse(name, template(CHART, yaml).call());
    }

    static TemplateCommand template(String chart, String yaml) {
        try {
            Path values = Files.createTempFile(tmp, "values", ".yaml");
            Files.writeString(values, yaml);
            return Charts.template(chart).withValuesFile(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> config(Rendered r) {
        return r.configMap(FULLNAME).getData();
    }

    static PodSpec pod(Rendered r) {
        return SecretVolumes.pod(r, FULLNAME);
    }



    /** The secret items of the MESH volume, as "key → path". */
    static Map<String, String> meshItems(PodSpec pod) {
        return SecretVolumes.items(pod, "mesh");
    }

    /** The mailboxes file QUARKUS_CONFIG_LOCATIONS names, read through its volume and ConfigMap. */
    static Properties mailboxes(Rendered r, PodSpec pod, String locations) {
        String location = locations.split(",")[0];
        assertThat(location).startsWith("file:///");
        Path file = Path.of(location.substring("file://".length()));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null
                        && SecretVolumes.mount(pod, v.getName()).getMountPath().equals(file.getParent().toString())).findFirst()
                .orElseThrow(() -> new AssertionError(r + ": " + file + " is on no ConfigMap volume"));
        assertThat(SecretVolumes.mount(pod, volume.getName()).getReadOnly()).as("the mailboxes file is mounted read-only").isTrue();
        ConfigMap cm = r.configMap(volume.getConfigMap().getName());
        String text = cm.getData().get(file.getFileName().toString());
        assertThat(text).as("%s: ConfigMap %s holds %s", r, cm.getMetadata().getName(), file.getFileName()).isNotNull();
        Secrets.assertNoSecretMaterial(r + " mailboxes file", text);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(properties.stringPropertyNames()).as("%s: only mailbox settings, never a password value", r)
                .allMatch(k -> k.matches("gpconnect\\.send-document\\.mailboxes\\.\"[A-Z0-9]{3,10}\"\\.(mailbox-id|password-file|enabled)"));
        return properties;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CHART + "/defaults", CHART + "/minimal", Charts.UMBRELLA + "/defaults", Charts.UMBRELLA + "/minimal", Charts.UMBRELLA + "/demo"})
    void meshIsOffUnlessEnabled(String scenario) {
        Rendered r = Charts.render(scenario);
        assertThat(config(r)).as(scenario).noneSatisfy((k, v) -> assertThat(k).matches("GPC_MESH_.*|QUARKUS_CONFIG_LOCATIONS|GPCONNECT_SEND_DOCUMENT_.*"));
        assertThat(r.configMaps()).extracting(c -> c.getMetadata().getName()).noneMatch(n -> n.contains("mesh"));
        assertThat(pod(r).getVolumes()).extracting(Volume::getName).doesNotContain("mesh", "mesh-mailboxes", "spool");
    }

    @Test
    void productionConfiguresTheServiceAsItReadsItsConfiguration() {
        Rendered r = Charts.render(CHART + "/production");
        Map<String, String> env = config(r);
        PodSpec pod = pod(r);
        assertThat(env).containsEntry("GPC_MESH_URL", "https://mesh.example.org").containsEntry("GPC_MESH_TLS", "true")
                .containsEntry("GPC_MESH_POLL_INTERVAL", "5m");
        // every file the service is told about is an item of the MESH Secret, under the key the values name
        assertThat(SecretVolumes.secretItemAt(pod, env.get("GPC_MESH_SHARED_SECRET_FILE"))).contains("gpconnect-mesh/shared-secret");
        assertThat(SecretVolumes.secretItemAt(pod, env.get("GPC_MESH_CLIENT_CERT"))).contains("gpconnect-mesh/tls.crt");
        assertThat(SecretVolumes.secretItemAt(pod, env.get("GPC_MESH_CLIENT_KEY"))).contains("gpconnect-mesh/tls.key");
        assertThat(SecretVolumes.secretItemAt(pod, env.get("GPC_MESH_CA_CERT"))).contains("gpconnect-mesh/ca.crt");
        // one mailbox per practice, its password a file of the same Secret
        Properties mailboxes = mailboxes(r, pod, env.get("QUARKUS_CONFIG_LOCATIONS"));
        assertThat(mailboxes).hasSize(4)
                .containsEntry(MAILBOX_KEY.formatted("B82617", "mailbox-id"), "B82617OT01")
                .containsEntry(MAILBOX_KEY.formatted("A20047", "mailbox-id"), "A20047OT01");
        assertThat(SecretVolumes.secretItemAt(pod, mailboxes.getProperty(MAILBOX_KEY.formatted("B82617", "password-file")))).contains("gpconnect-mesh/mailbox-B82617-password");
        assertThat(SecretVolumes.secretItemAt(pod, mailboxes.getProperty(MAILBOX_KEY.formatted("A20047", "password-file")))).contains("gpconnect-mesh/mailbox-A20047-password");
        assertThat(meshItems(pod)).as("nothing else is mounted from the MESH Secret").containsOnlyKeys(
                "shared-secret", "tls.crt", "tls.key", "ca.crt", "mailbox-B82617-password", "mailbox-A20047-password");
        // the spool: a writable, bounded emptyDir exactly where the service spools
        String spool = env.get("GPCONNECT_SEND_DOCUMENT_SPOOL_DIRECTORY");
        Volume spoolVolume = pod.getVolumes().stream().filter(v -> v.getEmptyDir() != null && SecretVolumes.mount(pod, v.getName()).getMountPath().equals(spool))
                .findFirst().orElseThrow(() -> new AssertionError("no emptyDir at the spool directory " + spool));
        assertThat(spoolVolume.getEmptyDir().getSizeLimit().toString()).isEqualTo("2Gi");
        assertThat(SecretVolumes.mount(pod, spoolVolume.getName()).getReadOnly()).as("the spool is writable").isNotEqualTo(Boolean.TRUE);
        assertThat(spool).doesNotStartWith("/tmp/");
        assertThat(pod.getContainers().get(0).getEnv()).extracting(EnvVar::getName).as("MESH secrets are files, not variables")
                .noneMatch(n -> n.contains("MESH"));
    }

    @Test
    void externalSecretsNamesEveryKey() {
        Rendered r = Charts.render(Charts.UMBRELLA + "/external-secrets");
        PodSpec pod = pod(r);
        assertThat(meshItems(pod)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mesh.shared-key", "shared-secret", "client.crt", "tls/client.crt", "client.key", "tls/client.key",
                "mesh-ca.crt", "tls/ca.crt", "x26001.mailbox.password", "mailboxes/X26001.password"));
        assertThat(mailboxes(r, pod, config(r).get("QUARKUS_CONFIG_LOCATIONS")))
                .containsEntry(MAILBOX_KEY.formatted("X26001", "mailbox-id"), "X26OT456");
    }

    @Test
    void withoutTlsForATestDoubleNoCertificateIsMountedAndThePortComesFromTheUrl() {
        Rendered r = render("tls-off", ENABLED.replace("https://mesh.example.org", "http://mesh-double.test.svc:18095")
                + "  tls:\n    enabled: false\nnetworkPolicy:\n  enabled: true\n");
        Map<String, String> env = config(r);
        assertThat(env).containsEntry("GPC_MESH_TLS", "false").containsEntry("GPC_MESH_URL", "http://mesh-double.test.svc:18095")
                .doesNotContainKeys("GPC_MESH_CLIENT_CERT", "GPC_MESH_CLIENT_KEY", "GPC_MESH_CA_CERT");
        assertThat(meshItems(pod(r))).containsOnlyKeys("shared-secret", "b82617-password");
        assertThat(NetworkPolicyTest.flows(r)).contains("send-document-service out any 18095/TCP")
                .noneMatch(f -> f.startsWith("send-document-service out any 443/"));
    }

    @Test
    void anEmptyCaKeyTrustsTheJvmStore() {
        Rendered r = render("no-ca", ENABLED + "  tls:\n    caKey: \"\"\n");
        assertThat(config(r)).containsKeys("GPC_MESH_CLIENT_CERT", "GPC_MESH_CLIENT_KEY").doesNotContainKey("GPC_MESH_CA_CERT");
        assertThat(meshItems(pod(r))).containsOnlyKeys("shared-secret", "tls.crt", "tls.key", "b82617-password");
    }

    @Test
    void aDisabledMailboxIsKeptWithoutAPassword() {
        Rendered r = render("disabled-mailbox", ENABLED + "    - ods: A20047\n      mailboxId: A20047OT01\n      enabled: false\n");
        Properties mailboxes = mailboxes(r, pod(r), config(r).get("QUARKUS_CONFIG_LOCATIONS"));
        assertThat(mailboxes).containsEntry(MAILBOX_KEY.formatted("A20047", "enabled"), "false")
                .containsEntry(MAILBOX_KEY.formatted("A20047", "mailbox-id"), "A20047OT01")
                .doesNotContainKey(MAILBOX_KEY.formatted("A20047", "password-file"))
                .containsKey(MAILBOX_KEY.formatted("B82617", "password-file"));
        assertThat(meshItems(pod(r))).doesNotContainValue("mailboxes/A20047.password");
    }

    @Test
    void theMigrationJobRunsBeforeTheMailboxesConfigMapExists() {
        Rendered r = render("job", ENABLED + "migration:\n  job:\n    enabled: true\nconfig:\n  QUARKUS_CONFIG_LOCATIONS: file:///etc/extra/more.properties\n");
        assertThat(config(r).get("QUARKUS_CONFIG_LOCATIONS")).as("the chart's file, then the operator's own")
                .isEqualTo("file:///etc/gpconnect/mesh-mailboxes/mailboxes.properties,file:///etc/extra/more.properties");
        Job job = r.jobs().get(0);
        PodSpec spec = job.getSpec().getTemplate().getSpec();
        Container migrate = spec.getContainers().get(0);
        Map<String, String> env = migrate.getEnv().stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).as("a pre-install hook cannot mount a ConfigMap of its own release")
                .containsEntry("QUARKUS_CONFIG_LOCATIONS", "file:///etc/extra/more.properties");
        assertThat(spec.getVolumes()).noneMatch(v -> v.getConfigMap() != null);
        assertThat(SecretVolumes.secretItemAt(spec, env.get("GPC_MESH_SHARED_SECRET_FILE"))).contains("mesh/shared-secret");
        assertThat(spec.getVolumes()).anySatisfy(v -> assertThat(v.getName()).isEqualTo("spool"));
        Rendered plain = render("job-only", ENABLED + "migration:\n  job:\n    enabled: true\n");
        assertThat(plain.jobs().get(0).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName).doesNotContain("QUARKUS_CONFIG_LOCATIONS");
    }

    private static Map<String, String> checksums(UnaryOperator<TemplateCommand> values) {
        TemplateCommand template = Charts.template(Charts.UMBRELLA).withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "production"));
        return Rendered.parse("checksums", values.apply(template).call()).deployments().stream().collect(Collectors.toMap(
                d -> d.getMetadata().getName(), d -> d.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config")));
    }

    @Test
    void aMailboxChangeRollsSendDocumentOnly() {
        Map<String, String> before = checksums(t -> t);
        Map<String, String> after = checksums(t -> t.set("send-document-service.mesh.mailboxes[1].mailboxId", "A20047OT02"));
        assertThat(after.get(FULLNAME)).isNotEqualTo(before.get(FULLNAME));
        before.forEach((name, sum) -> {
            if (!name.equals(FULLNAME)) {
                assertThat(after.get(name)).as(name).isEqualTo(sum);
            }
        });
        assertThat(checksums(t -> t.set("send-document-service.mesh.pollInterval", "2m")).get(FULLNAME)).isNotEqualTo(before.get(FULLNAME));
    }

    @Test
    void releaseNotesNameTheMeshSecretAndTheConnectionBudget() {
        String notes = new Helm(Charts.chart(CHART)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).withValuesFile(Charts.scenarioFile(CHART, "production"))
                .withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(notes).contains("gpconnect-mesh: keys shared-secret, tls.crt, tls.key, ca.crt, mailbox-B82617-password, mailbox-A20047-password")
                .contains("up to 28 per pod (20 reactive, database.poolSize; 8 JDBC), 168 at 6 pods");
        String suite = new Helm(Charts.chart(Charts.UMBRELLA)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "production"))
                .withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(suite).contains("gpconnect-mesh: send-document-service's MESH shared secret",
                "send-document-service: 2 × (20 + 8) = 56", "appointment-service: 8 × (20 + 4) = 192");
        String minimal = new Helm(Charts.chart(Charts.UMBRELLA)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "minimal"))
                .withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(minimal).doesNotContain("MESH").contains("send-document-service: 1 × (20 + 8) = 28", "= 172 in all");
    }

    @Test
    void aConfigOverrideOfThePoolsCountsInTheBudget() {
        String notes = new Helm(Charts.chart(CHART)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).set("config.QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "2").set("database.poolSize", 10)
                .set("replicaCount", 3).withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(notes).contains("up to 12 per pod (10 reactive, database.poolSize; 2 JDBC), 36 at 3 pods");
    }

    /** The MESH values of the old chart (one mailbox, GPC_MESH_MAILBOX_ID, env secrets) are refused, not ignored. */
    static List<String> oldValues() {
        return List.of("mailboxId", "tlsCertKey", "tlsKeyKey", "caKey", "mailboxPasswordKey", "sharedKeyKey");
    }
}
