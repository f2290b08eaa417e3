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
import java.util.Map;
import java.util.Set;
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
