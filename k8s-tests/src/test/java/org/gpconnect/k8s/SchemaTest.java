package org.gpconnect.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json: wrong values fail `helm template` with the offending key named; the schema covers values.yaml. */
class SchemaTest {

    @TempDir
    static Path tmp;

    /** (chart, values YAML that must be refused, text the error must contain). */
    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (String chart : Charts.SERVICES) {
            cases.add(Arguments.of(chart, "replicaCount: lots", "replicaCount"));
            cases.add(Arguments.of(chart, "service:\n  port: \"8080\"", "port"));
            cases.add(Arguments.of(chart, "replicas: 3", "replicas"));
            cases.add(Arguments.of(chart, "autoscaling:\n  enabled: \"yes\"", "enabled"));
            cases.add(Arguments.of(chart, "global:\n  kafka:\n    securityProtocol: TLS", "securityProtocol"));
            cases.add(Arguments.of(chart, "global:\n  kafka:\n    bootstrapServers: kafka", "bootstrapServers"));
            cases.add(Arguments.of(chart, "global:\n  postgresql:\n    sslMode: verify", "sslMode"));
            cases.add(Arguments.of(chart, "securityContext:\n  readOnlyRootFilesystem: false\n  runAsNonRoot: true\n"
                    + "  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]", "readOnlyRootFilesystem"));
            cases.add(Arguments.of(chart, "securityContext:\n  privileged: true", "privileged"));
            cases.add(Arguments.of(chart, "resources:\n  limits: null", "limits"));
            cases.add(Arguments.of(chart, "config:\n  GPC_DB_PASSWORD: hunter2", "GPC_DB_PASSWORD"));
            cases.add(Arguments.of(chart, "config:\n  SOME_KEY: \"-----BEGIN PRIVATE KEY-----\"", "SOME_KEY"));
            cases.add(Arguments.of(chart, "config:\n  KAFKA_SASL_JAAS: \"x\"", "KAFKA_SASL_JAAS"));
            cases.add(Arguments.of(chart, "config:\n  KAFKA_LOGIN: \"org.apache.kafka.common.security.scram.ScramLoginModule required username=u password=SECRET-MARKER;\"", "KAFKA_LOGIN"));
            cases.add(Arguments.of(chart, "shutdownTimeout: 20", "shutdownTimeout"));
            cases.add(Arguments.of(chart, "podDisruptionBudget:\n  minAvailable: one", "minAvailable"));
            cases.add(Arguments.of(chart, "probes:\n  liveness:\n    path: /health", "path"));
            cases.add(Arguments.of(chart, "image:\n  pullPolicy: Sometimes", "pullPolicy"));
            cases.add(Arguments.of(chart, "logLevel: VERBOSE", "logLevel"));
        }
        cases.add(Arguments.of("spine-gateway", "ingress:\n  hosts:\n    - host: a.example\n      paths:\n        - path: /\n          pathType: Any", "pathType"));
        cases.add(Arguments.of("spine-gateway", "publicBaseUrl: https://gpconnect.example.org/path", "publicBaseUrl"));
        cases.add(Arguments.of("spine-gateway", "viewer:\n  asid: \"12345\"\n  organizationOds: GPCVIEW01", "asid"));
        cases.add(Arguments.of("spine-gateway", "viewer:\n  demoPatients:\n    - {nhsNumber: \"9690937286\", label: \"SKELLY, Horace\"}", "label"));
        // send-document-service's MESH values: the service's own patterns, required fields, the old single-mailbox values
        String sd = "send-document-service";
        String mailbox = "mesh:\n  mailboxes:\n    - ";
        cases.add(Arguments.of(sd, mailbox + "ods: b82617\n      mailboxId: B82617OT01\n      passwordKey: p", "ods"));
        cases.add(Arguments.of(sd, mailbox + "ods: B8261700001\n      mailboxId: B82617OT01\n      passwordKey: p", "ods"));
        cases.add(Arguments.of(sd, mailbox + "ods: B82617\n      mailboxId: B82617-OT01\n      passwordKey: p", "mailboxId"));
        cases.add(Arguments.of(sd, mailbox + "ods: B82617\n      passwordKey: p", "mailboxId"));
        cases.add(Arguments.of(sd, mailbox + "mailboxId: B82617OT01\n      passwordKey: p", "ods"));
        cases.add(Arguments.of(sd, mailbox + "ods: B82617\n      mailboxId: B82617OT01", "passwordKey"));
        cases.add(Arguments.of(sd, mailbox + "ods: B82617\n      mailboxId: B82617OT01\n      enabled: true", "passwordKey"));
        cases.add(Arguments.of(sd, mailbox + "ods: B82617\n      mailboxId: B82617OT01\n      password: SECRET-MARKER", "password"));
        cases.add(Arguments.of(sd, mailbox + "ods: B82617\n      mailboxId: B82617OT01\n      passwordKey: \"a key\"", "passwordKey"));
        cases.add(Arguments.of(sd, "mesh:\n  mailboxes:\n    B82617: B82617OT01", "mailboxes"));
        cases.add(Arguments.of(sd, "mesh:\n  url: mesh.example.org", "url"));
        cases.add(Arguments.of(sd, "mesh:\n  url: \"https://mesh.example.org/a b\"", "url"));
        cases.add(Arguments.of(sd, "mesh:\n  pollInterval: 500ms", "pollInterval"));
        cases.add(Arguments.of(sd, "mesh:\n  pollInterval: 60", "pollInterval"));
        cases.add(Arguments.of(sd, "mesh:\n  spool:\n    sizeLimit: 1G", "sizeLimit"));
        cases.add(Arguments.of(sd, "mesh:\n  tls:\n    enabled: \"false\"", "enabled"));
        cases.add(Arguments.of(sd, "mesh:\n  tls:\n    clientCertKey: \"\"", "clientCertKey"));
        for (String old : SendDocumentMeshTest.oldValues()) {
            cases.add(Arguments.of(sd, "mesh:\n  " + old + ": x", old));
        }
        // appointment-service's PDS values: URLs the service cannot use or that would carry a credential into the
        // ConfigMap, the service's own bounds, no literal token; its admin API's Service stays inside the cluster
        String as = "appointment-service";
        cases.add(Arguments.of(as, "pds:\n  url: pds.example.org/FHIR/R4", "url"));
        cases.add(Arguments.of(as, "pds:\n  url: https://user:SECRET-MARKER@pds.example.org/FHIR/R4", "url"));
        cases.add(Arguments.of(as, "pds:\n  url: https://pds.example.org/FHIR/R4?apikey=x", "url"));
        cases.add(Arguments.of(as, "pds:\n  url: ftp://pds.example.org/FHIR/R4", "url"));
        cases.add(Arguments.of(as, "pds:\n  existingSecret: PDS_Token", "existingSecret"));
        cases.add(Arguments.of(as, "pds:\n  tokenKey: \"\"", "tokenKey"));
        cases.add(Arguments.of(as, "pds:\n  tokenKey: \"a key\"", "tokenKey"));
        cases.add(Arguments.of(as, "pds:\n  token: SECRET-MARKER", "token"));
        cases.add(Arguments.of(as, "pds:\n  maxAttempts: 0", "maxAttempts"));
        cases.add(Arguments.of(as, "pds:\n  maxAttempts: 6", "maxAttempts"));
        cases.add(Arguments.of(as, "pds:\n  maxAttempts: \"2\"", "maxAttempts"));
        cases.add(Arguments.of(as, "pds:\n  connectTimeout: 0s", "connectTimeout"));
        cases.add(Arguments.of(as, "pds:\n  requestTimeout: 5", "requestTimeout"));
        cases.add(Arguments.of(as, "pds:\n  retryBackoff: soon", "retryBackoff"));
        cases.add(Arguments.of(as, "pds:\n  tokenRefresh: -60s", "tokenRefresh"));
        cases.add(Arguments.of(as, "pds:\n  tls:\n    enabled: \"false\"", "enabled"));
        cases.add(Arguments.of(as, "pds:\n  tls:\n    verifyHost: false", "verifyHost"));
        cases.add(Arguments.of(as, "pds:\n  tls:\n    caKey: \"ca crt\"", "caKey"));
        cases.add(Arguments.of(as, "networkPolicy:\n  pds:\n    to:\n      - {}", "to"));
        cases.add(Arguments.of(as, "networkPolicy:\n  admin:\n    from:\n      - {}", "from"));
        cases.add(Arguments.of(as, "networkPolicy:\n  admin:\n    from:\n      - ipBlock: {}", "cidr"));
        cases.add(Arguments.of(as, "networkPolicy:\n  adminFrom: []", "adminFrom"));
        cases.add(Arguments.of(as, "service:\n  type: LoadBalancer", "type"));
        cases.add(Arguments.of(as, "service:\n  type: NodePort", "type"));
        cases.add(Arguments.of(Charts.UMBRELLA, "appointment-service:\n  pds:\n    maxAttempts: 9", "maxAttempts"));
        cases.add(Arguments.of(Charts.UMBRELLA, "send-document-service:\n  mesh:\n    mailboxes:\n      - ods: B82617\n        mailboxId: nope!", "mailboxId"));
        cases.add(Arguments.of(Charts.UMBRELLA, "global:\n  postgresql:\n    prot: 5432", "prot"));
        cases.add(Arguments.of(Charts.UMBRELLA, "appointment-service:\n  replicaCount: many", "replicaCount"));
        cases.add(Arguments.of(Charts.UMBRELLA, "spine-gateway:\n  enabled: sometimes", "enabled"));
        cases.add(Arguments.of(Charts.UMBRELLA, "prometheusRule:\n  meshInboxAgeSeconds: soon", "meshInboxAgeSeconds"));
        cases.add(Arguments.of(Charts.UMBRELLA, "prometheusRule:\n  cpuLimitRatio: 2", "cpuLimitRatio"));
        cases.add(Arguments.of(Charts.UMBRELLA, "grafanaDashboards:\n  namespace: Monitoring_NS", "namespace"));
        cases.add(Arguments.of(Charts.UMBRELLA, "grafanaDashboards:\n  folder: GP Connect", "folder"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refused")
    void wrongValuesFailTemplate(String chart, String yaml, String named) throws IOException {
        Path values = Files.createTempFile(tmp, "refused", ".yaml");
        Files.writeString(values, yaml + "\n");
        TemplateCommand template = Charts.template(chart).withValuesFile(values);
        assertThatThrownBy(template::call).as("%s refuses:\n%s", chart, yaml)
                .hasMessageContaining(named).hasMessageContaining("schema");
    }

    /** Rules the templates enforce that a schema cannot: they fail with a message naming the values. */
    static Stream<Arguments> failedByTemplates() {
        return Stream.of(
                Arguments.of("appointment-service", "replicaCount: 1\npodDisruptionBudget:\n  enabled: true\n  minAvailable: 1", "podDisruptionBudget.minAvailable"),
                Arguments.of("appointment-service", "autoscaling:\n  enabled: true\n  minReplicas: 2\npodDisruptionBudget:\n  enabled: true\n  minAvailable: 2", "autoscaling.minReplicas"),
                Arguments.of("send-document-service", "mesh:\n  enabled: true\n  existingSecret: mesh", "mesh.url"),
                Arguments.of("send-document-service", "mesh:\n  enabled: true\n  url: https://mesh.example.org", "mesh.existingSecret"),
                Arguments.of("send-document-service", "mesh:\n  enabled: true\n  url: https://mesh.example.org\n  existingSecret: mesh", "mesh.mailboxes"),
                Arguments.of("send-document-service", "mesh:\n  enabled: true\n  url: https://mesh.example.org\n  existingSecret: mesh\n  mailboxes:\n"
                        + "    - {ods: B82617, mailboxId: B82617OT01, passwordKey: a}\n    - {ods: B82617, mailboxId: B82617OT02, passwordKey: b}", "practice B82617 is listed twice"),
                Arguments.of("send-document-service", "mesh:\n  enabled: true\n  url: http://mesh.example.org\n  existingSecret: mesh\n  mailboxes:\n"
                        + "    - {ods: B82617, mailboxId: B82617OT01, passwordKey: a}", "mesh.tls.enabled"),
                // PDS on needs its URL and its token's Secret; plain http only with TLS off, as the service demands at start-up
                Arguments.of("appointment-service", "pds:\n  enabled: true\n  existingSecret: pds", "pds.url is required"),
                Arguments.of("appointment-service", "pds:\n  enabled: true\n  url: https://pds.example.org/FHIR/R4", "pds.existingSecret is required"),
                Arguments.of("appointment-service", "pds:\n  enabled: true\n  url: http://pds.example.org/FHIR/R4\n  existingSecret: pds", "pds.tls.enabled"),
                Arguments.of(Charts.UMBRELLA, "appointment-service:\n  pds:\n    enabled: true", "pds.url is required"),
                // the record viewer's ASID needs the organisation its requests come from
                Arguments.of("spine-gateway", "viewer:\n  asid: \"918999198993\"", "viewer.organizationOds is required"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("failedByTemplates")
    void inconsistentValuesFailTemplate(String chart, String yaml, String named) throws IOException {
        Path values = Files.createTempFile(tmp, "inconsistent", ".yaml");
        Files.writeString(values, yaml + "\n");
        assertThatThrownBy(Charts.template(chart).withValuesFile(values)::call).hasMessageContaining(named);
    }

    @Test
    void aWellTypedValueIsAccepted() {
        assertThat(Charts.template("appointment-service").set("replicaCount", 3).set("service.port", 8081).call())
                .contains("replicas: 3");
    }

    /** Every key of values.yaml has a schema property, and the schema has no property values.yaml lacks. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.gpconnect.k8s.ReadmeTest#charts")
    void schemaAndValuesHaveTheSameKeys(String chart) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Charts.source(chart).resolve("values.schema.json").toFile());
        Map<String, Object> values = ValuesDoc.values(ValuesDoc.read(Charts.source(chart).resolve("values.yaml")));
        TreeSet<String> inValues = new TreeSet<>();
        TreeSet<String> inSchema = new TreeSet<>();
        Set<String> documented = ValuesDoc.documented(ValuesDoc.read(Charts.source(chart).resolve("values.yaml"))).keySet();
        walk(values, schema, "", documented, inValues, inSchema);
        inSchema.remove("gpconnect-lib"); // Helm adds the library dependency's values itself
        assertThat(inSchema).as("%s: schema properties against values.yaml keys", chart).isEqualTo(inValues);
        assertThat(schema.path("additionalProperties").asBoolean(true)).as("%s: unknown top-level values are refused", chart).isFalse();
    }

    /** Compares the keys of each group of values (an object not documented as one value) with its schema's properties. */
    @SuppressWarnings("unchecked")
    private static void walk(Map<String, Object> values, JsonNode schema, String prefix, Set<String> documented,
                             TreeSet<String> inValues, TreeSet<String> inSchema) {
        values.keySet().forEach(k -> inValues.add(prefix + k));
        for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
            inSchema.add(prefix + it.next());
        }
        values.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && !documented.contains(prefix + k)) {
                walk((Map<String, Object>) m, schema.path("properties").path(k), prefix + k + ".", documented, inValues, inSchema);
            }
        });
    }
}
