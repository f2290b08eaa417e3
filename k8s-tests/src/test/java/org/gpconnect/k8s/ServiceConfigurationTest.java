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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts against the services' own configuration (read as text from each module's sources; nothing is
 * built): the variables and properties the charts set are the ones the services read, the value patterns
 * the schema enforces are the services' own, and the connection budget uses the services' JDBC pool sizes.
 * A service that renames or adds a setting fails here instead of in a cluster.
 */
class ServiceConfigurationTest {

    private static final String SEND_DOCUMENT = "send-document-service";
    private static final Path CONFIG_JAVA = Path.of(SEND_DOCUMENT, "src/main/java/org/gpconnect/senddocument/config");
    private static final String APPOINTMENTS = "appointment-service";
    private static final Path APPOINTMENTS_CONFIG = Path.of(APPOINTMENTS, "src/main/java/org/gpconnect/appointment/config/AppointmentServiceConfig.java");
    private static final String PDS_PREFIX = "gpconnect.appointments.pds.";
    /** PDS properties of the service the chart deliberately has no value for (operators use `config`): turning host verification off only weakens TLS. */
    private static final Set<String> PDS_LEFT_TO_CONFIG = Set.of("tls.verify-host");

    static String read(Path relative) {
        try {
            return Files.readString(Charts.repository().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String applicationProperties(String service) {
        return read(Path.of(service, "src/main/resources/application.properties"));
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("expected /%s/", regex).isTrue();
        return m.group(1);
    }

    static JsonNode meshSchema() throws IOException {
        return new ObjectMapper().readTree(Charts.source(SEND_DOCUMENT).resolve("values.schema.json").toFile())
                .path("properties").path("mesh").path("properties");
    }

    @Test
    void theTokenReuseVariableIsTheGatewaysOwnSetting() {
        // GPCONNECT_GATEWAY_TOKEN_REUSE <-> gpconnect.gateway.token.reuse: GatewayConfig (prefix gpconnect.gateway) > Token > reuse()
        String config = read(Path.of("spine-gateway/src/main/java/org/gpconnect/gateway/config/GatewayConfig.java"));
        assertThat(config).contains("@ConfigMapping(prefix = \"gpconnect.gateway\")").contains("Token token();");
        assertThat(config.substring(config.indexOf("interface Token"))).contains("Duration reuse();");
        Map<String, String> settings = Charts.render("spine-gateway/" + Charts.DEFAULTS).configMap(Charts.RELEASE + "-spine-gateway").getData();
        assertThat(settings).containsEntry("GPCONNECT_GATEWAY_TOKEN_REUSE", "10s");
    }

    @Test
    void theDocumentsConsumerGroupIsTheVariableAccessRecordReads() {
        String records = "access-record-service";
        assertThat(group(applicationProperties(records), "^mp\\.messaging\\.incoming\\.documents\\.group\\.id=\\$\\{([A-Z_]+):"))
                .isEqualTo("GPC_DOCUMENTS_CONSUMER_GROUP");
        Map<String, String> config = Charts.render(records + "/" + Charts.DEFAULTS).configMap(Charts.RELEASE + "-" + records).getData();
        assertThat(config).containsEntry("GPC_DOCUMENTS_CONSUMER_GROUP", "access-record-service");
    }

    @Test
    void theChartSetsExactlyTheMeshVariablesTheServiceReads() {
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(GPC_MESH_[A-Z_]+):").matcher(applicationProperties(SEND_DOCUMENT));
        while (m.find()) {
            read.add(m.group(1));
        }
        assertThat(read).as("the service reads GPC_MESH_* variables").isNotEmpty();
        Set<String> set = new TreeSet<>();
        SendDocumentMeshTest.config(Charts.render(SEND_DOCUMENT + "/production")).keySet().stream()
                .filter(k -> k.startsWith("GPC_MESH_")).forEach(set::add);
        assertThat(set).as("GPC_MESH_* variables of the production scenario (MESH with mutual TLS and a CA)").isEqualTo(read);
    }

    @Test
    void theSpoolAndMailboxPropertiesAreTheServicesOwn() {
        String config = read(CONFIG_JAVA.resolve("SendDocumentConfig.java"));
        assertThat(config).contains("@ConfigMapping(prefix = \"gpconnect.send-document\")");
        // GPCONNECT_SEND_DOCUMENT_SPOOL_DIRECTORY ↔ gpconnect.send-document.spool-directory
        assertThat(config).containsPattern("Path spoolDirectory\\(\\);");
        assertThat(SendDocumentMeshTest.config(Charts.render(SEND_DOCUMENT + "/production"))).containsKey("GPCONNECT_SEND_DOCUMENT_SPOOL_DIRECTORY");
        // gpconnect.send-document.mailboxes."<ODS>".mailbox-id / password-file / enabled
        assertThat(config).containsPattern("Map<String, Mailbox> mailboxes\\(\\);");
        String mailbox = config.substring(config.indexOf("interface Mailbox"));
        assertThat(mailbox).containsPattern("String mailboxId\\(\\);").containsPattern("Optional<Path> passwordFile\\(\\);")
                .containsPattern("boolean enabled\\(\\);");
        // application.properties names the file the chart uses for the map
        assertThat(applicationProperties(SEND_DOCUMENT)).contains("QUARKUS_CONFIG_LOCATIONS");
    }

    @Test
    void theSchemaRefusesWhatTheServiceRefuses() throws IOException {
        JsonNode item = meshSchema().path("mailboxes").path("items").path("properties");
        String mailboxIdPattern = group(read(CONFIG_JAVA.resolve("SendDocumentConfig.java")),
                "@Pattern\\(regexp = \"([^\"]+)\"\\)\\s+String mailboxId\\(\\)");
        assertThat(item.path("mailboxId").path("pattern").asText()).isEqualTo("^" + mailboxIdPattern + "$");
        String odsPattern = group(read(CONFIG_JAVA.resolve("MailboxRegistry.java")), "ods\\.matches\\(\"([^\"]+)\"\\)");
        assertThat(item.path("ods").path("pattern").asText()).isEqualTo("^" + odsPattern + "$");
    }

    /** MemorySize as Quarkus reads it (K, M, G are powers of 1024), in MiB. */
    static long mebibytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([KMG]?)").matcher(size);
        assertThat(m.matches()).as(size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "G" -> n * 1024;
            case "M" -> n;
            case "K" -> Math.max(1, n / 1024);
            default -> Math.max(1, n / (1024 * 1024));
        };
    }

    @Test
    void theDefaultSpoolHoldsTheLargestMessageAndItsAttachments() {
        String config = read(CONFIG_JAVA.resolve("SendDocumentConfig.java"));
        long maxMessage = mebibytes(group(config, "@WithDefault\\(\"([0-9]+[KMG]?)\"\\)\\s+io\\.quarkus\\.runtime\\.configuration\\.MemorySize maxMessageSize\\(\\)"));
        String sizeLimit = (String) ValuesDoc.lookup(ValuesDoc.values(ValuesDoc.read(Charts.source(SEND_DOCUMENT).resolve("values.yaml"))), "mesh.spool.sizeLimit");
        Matcher limit = Pattern.compile("(\\d+)(Mi|Gi)").matcher(sizeLimit);
        assertThat(limit.matches()).isTrue();
        long limitMiB = Long.parseLong(limit.group(1)) * (limit.group(2).equals("Gi") ? 1024 : 1);
        // the message as downloaded plus its base64-decoded attachments (3/4 of it), one message at a time
        assertThat(limitMiB).as("mesh.spool.sizeLimit against max-message-size %dM", maxMessage).isGreaterThanOrEqualTo(maxMessage + maxMessage * 3 / 4);
        assertThat(read(CONFIG_JAVA.resolve("SendDocumentConfig.java"))).as("the service's default spool is under java.io.tmpdir; the chart moves it to its own emptyDir")
                .contains("@WithDefault(\"${java.io.tmpdir}/send-document-spool\")");
    }

    // --- appointment-service: PDS (AppointmentServiceConfig.Pds) and the practice administration API ---

    /** A property of a @ConfigMapping group: its name below the group's prefix, its @WithDefault, @Min, @Max. */
    record Property(String name, String method, String defaultValue, Long min, Long max) {
    }

    /** The properties of `interface group { ... }` in a @ConfigMapping source, nested groups flattened ("tls.ca-certificate"). */
    static Map<String, Property> mappingProperties(String source, String group, String prefix, String methodPrefix) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
        String body = interfaceBody(code, group);
        Set<String> nested = new TreeSet<>();
        Matcher n = Pattern.compile("interface (\\w+) \\{").matcher(body);
        while (n.find()) {
            nested.add(n.group(1));
        }
        String own = body;
        for (String inner : nested) {
            own = own.replace(interfaceBody(body, inner), "");
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        Matcher m = Pattern.compile("((?:@\\w+(?:\\([^)]*\\))?\\s+)*)([\\w.<>]+)\\s+(\\w+)\\(\\);").matcher(own);
        while (m.find()) {
            String type = m.group(2);
            String method = m.group(3);
            String name = prefix + method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            if (nested.contains(type)) {
                properties.putAll(mappingProperties(body, type, name + ".", methodPrefix + method + "."));
                continue;
            }
            String annotations = m.group(1);
            Matcher d = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)").matcher(annotations);
            Matcher min = Pattern.compile("@Min\\((\\d+)\\)").matcher(annotations);
            Matcher max = Pattern.compile("@Max\\((\\d+)\\)").matcher(annotations);
            properties.put(name, new Property(name, methodPrefix + method, d.find() ? d.group(1) : null,
                    min.find() ? Long.valueOf(min.group(1)) : null, max.find() ? Long.valueOf(max.group(1)) : null));
        }
        return properties;
    }

    private static String interfaceBody(String code, String name) {
        int start = code.indexOf("interface " + name + " {");
        assertThat(start).as("interface %s", name).isNotNegative();
        int open = code.indexOf('{', start);
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return code.substring(open + 1, i);
            }
        }
        throw new AssertionError("interface " + name + " is not closed");
    }

    /** The service's PDS properties, below gpconnect.appointments.pds. */
    static Map<String, Property> pdsProperties() {
        String source = read(APPOINTMENTS_CONFIG);
        assertThat(source).contains("@ConfigMapping(prefix = \"gpconnect.appointments\")").contains("Pds pds();");
        return mappingProperties(source, "Pds", "", "");
    }

    /** The variables application.properties gives PDS properties: property (below the prefix) → (variable, default). */
    static Map<String, String[]> pdsVariables() {
        Map<String, String[]> variables = new TreeMap<>();
        Matcher m = Pattern.compile("^gpconnect\\.appointments\\.pds\\.([a-z.-]+)=\\$\\{(GPC_PDS_[A-Z_]+):([^}]*)}\\s*$", Pattern.MULTILINE)
                .matcher(applicationProperties(APPOINTMENTS));
        while (m.find()) {
            variables.put(m.group(1), new String[]{m.group(2), m.group(3)});
        }
        return variables;
    }

    /** The name SmallRye Config reads a property from in the environment. */
    static String canonicalEnv(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    @Test
    void theChartSetsExactlyThePdsVariablesTheServiceReads() {
        Set<String> read = new TreeSet<>();
        pdsVariables().values().forEach(v -> read.add(v[0]));
        assertThat(read).as("the service reads GPC_PDS_* variables").contains("GPC_PDS_URL", "GPC_PDS_TOKEN_FILE");
        Set<String> set = new TreeSet<>(AppointmentPdsTest.pdsConfig(Charts.render(APPOINTMENTS + "/production")).keySet());
        set.removeIf(k -> !k.startsWith("GPC_PDS_"));
        assertThat(set).as("GPC_PDS_* variables of the production scenario (PDS over TLS with a CA)").isEqualTo(read);
    }

    @Test
    void theChartCoversEveryPdsPropertyOfTheServiceUnderTheNameItReads() {
        Map<String, Property> service = pdsProperties();
        assertThat(service).as("AppointmentServiceConfig.Pds").containsKeys("base-url", "token-file", "tls.enabled", "tls.ca-certificate");
        Map<String, String[]> variables = pdsVariables();
        Set<String> covered = new TreeSet<>();
        AppointmentPdsTest.pdsConfig(Charts.render(APPOINTMENTS + "/production")).keySet().forEach(env -> {
            if (env.startsWith("GPC_PDS_")) {
                variables.forEach((property, v) -> {
                    if (v[0].equals(env)) {
                        covered.add(property);
                    }
                });
                return;
            }
            String property = service.keySet().stream().filter(p -> canonicalEnv(PDS_PREFIX + p).equals(env)).findFirst()
                    .orElseThrow(() -> new AssertionError(env + " names no property of AppointmentServiceConfig.Pds"));
            assertThat(variables).as("%s: the chart uses the service's own variable when it has one", env).doesNotContainKey(property);
            covered.add(property);
        });
        assertThat(variables.keySet()).as("every GPC_PDS_* variable names a property of the mapping").isSubsetOf(service.keySet());
        assertThat(covered).as("properties the chart sets").doesNotContainAnyElementsOf(PDS_LEFT_TO_CONFIG);
        Set<String> expected = new TreeSet<>(service.keySet());
        expected.removeAll(PDS_LEFT_TO_CONFIG);
        assertThat(covered).as("every PDS property of the service is set by the chart or deliberately left to `config` %s", PDS_LEFT_TO_CONFIG)
                .isEqualTo(expected);
    }

    @Test
    void thePdsDefaultsAndBoundsAreTheServicesOwn() throws IOException {
        Map<String, Object> values = ValuesDoc.values(ValuesDoc.read(Charts.source(APPOINTMENTS).resolve("values.yaml")));
        JsonNode schema = new ObjectMapper().readTree(Charts.source(APPOINTMENTS).resolve("values.schema.json").toFile())
                .path("properties").path("pds");
        int compared = 0;
        for (Property p : pdsProperties().values()) {
            if (PDS_LEFT_TO_CONFIG.contains(p.name()) || p.defaultValue() == null) {
                continue;
            }
            // the chart's value for a property is named after the mapping's method: pds.connectTimeout, pds.tls.enabled
            Object value = ValuesDoc.lookup(values, "pds." + p.method());
            assertThat(value).as("values.yaml pds.%s (the service's %s)", p.method(), p.name()).isNotNull();
            assertThat(String.valueOf(value)).as("default of pds.%s against @WithDefault of %s", p.method(), p.name()).isEqualTo(p.defaultValue());
            JsonNode property = schema;
            for (String part : p.method().split("\\.")) {
                property = property.path("properties").path(part);
            }
            if (p.min() != null) {
                assertThat(property.path("minimum").asLong()).as("schema minimum of pds.%s", p.method()).isEqualTo(p.min());
            }
            if (p.max() != null) {
                assertThat(property.path("maximum").asLong()).as("schema maximum of pds.%s", p.method()).isEqualTo(p.max());
            }
            compared++;
        }
        assertThat(compared).as("PDS properties with a default").isGreaterThanOrEqualTo(6);
        // application.properties' own default for TLS (GPC_PDS_TLS) is the chart's too
        assertThat(pdsVariables().get("tls.enabled")).containsExactly("GPC_PDS_TLS", String.valueOf(ValuesDoc.lookup(values, "pds.tls.enabled")));
    }

    @Test
    void theAdminApiIsServedUnderAdminOnTheServicesOwnPort() throws IOException {
        Path admin = Charts.repository().resolve(APPOINTMENTS).resolve("src/main/java/org/gpconnect/appointment/admin/rest");
        Set<String> roots = new TreeSet<>();
        try (var files = Files.list(admin)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Resource.java")).toList()) {
                roots.add(group(Files.readString(file), "^@Path\\(\"([^\"]+)\"\\)"));
            }
        }
        assertThat(roots).as("the admin resources' paths").isNotEmpty().allMatch(r -> r.startsWith("/admin/practices/{ods}"));
        // one HTTP server: the port the chart sets (PORT) and its NetworkPolicy opens to networkPolicy.admin.from
        String properties = applicationProperties(APPOINTMENTS);
        assertThat(properties).containsPattern("(?m)^quarkus\\.http\\.port=\\$\\{PORT:\\d+}").doesNotContain("quarkus.management.enabled=true");
        assertThat(Charts.render(APPOINTMENTS + "/production").configMap(Charts.RELEASE + "-" + APPOINTMENTS).getData()).containsEntry("PORT", "8080");
    }

    @Test
    void theGatewaysConsumerListenerForwardsOnlyBelowAServiceRoot() {
        // what the Ingress fronts (GPC_CONSUMER_PORT) forwards to /{ODS}/{root}/...: never to an /admin/ path
        assertThat(read(Path.of("spine-gateway", "src/main/java/org/gpconnect/gateway/proxy/Backends.java")))
                .contains("return \"/\" + ods + internalRootSuffix + relativePath");
        String gateway = applicationProperties("spine-gateway");
        assertThat(gateway).contains("gpconnect.gateway.listener.port=${GPC_CONSUMER_PORT:")
                .contains("quarkus.http.port=${GPC_ADMIN_PORT:")
                .contains("quarkus.http.auth.permission.admin.paths=/admin/*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.gpconnect.k8s.Charts#services")
    void theConnectionBudgetUsesTheServicesJdbcPool(String service) {
        String jdbc = group(applicationProperties(service), "^quarkus\\.datasource\\.jdbc\\.max-size=(\\d+)\\s*$");
        String settings = read(Path.of("k8s/charts", service, "templates/_settings.tpl"));
        assertThat(group(settings, "^jdbcMaxSize: (\\d+)\\s*$")).as("%s: jdbcMaxSize of its chart's settings", service).isEqualTo(jdbc);
        assertThat(group(applicationProperties(service), "^quarkus\\.datasource\\.reactive\\.max-size=\\$\\{GPC_DB_POOL_SIZE:(\\d+)}"))
                .as("%s: the reactive pool is GPC_DB_POOL_SIZE, default database.poolSize", service)
                .isEqualTo(String.valueOf(ValuesDoc.lookup(ValuesDoc.values(ValuesDoc.read(Charts.source(service).resolve("values.yaml"))), "database.poolSize")));
        Map<String, String> docs = ValuesDoc.documented(ValuesDoc.read(Charts.source(service).resolve("values.yaml")));
        assertThat(docs.get("database.poolSize")).as("%s: database.poolSize documents the JDBC pool", service)
                .contains("up to " + jdbc + " JDBC connections", "quarkus.datasource.jdbc.max-size=" + jdbc, "poolSize + " + jdbc);
    }
}
