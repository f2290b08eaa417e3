package org.gpconnect.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container images built by `-Pimages` (scripts/build-images.sh): docker-archive tars whose
 * configuration runs the Quarkus app as a non-root user on the service's ports. Skipped without -Pimages.
 */
class ImageTarTest {

    private static final String IMAGES = System.getProperty("gpconnect.images.dir", "");

    static List<String> services() {
        return Charts.SERVICES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void imageRunsQuarkusAsNonRootOnTheServicePorts(String service) throws IOException {
        assumeTrue(!IMAGES.isBlank(), "images are built only with -Pimages (scripts/build-images.sh)");
        Path tar = Path.of(IMAGES, service + ".tar");
        Map<String, byte[]> entries = untar(Files.newInputStream(tar), name -> name.endsWith(".json"));
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(entries.get("manifest.json")).get(0);
        assertThat(manifest.get("RepoTags").get(0).asText()).startsWith("gpconnect/" + service + ":");
        JsonNode image = json.readTree(entries.get(manifest.get("Config").asText()));
        JsonNode config = image.get("config");

        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull() || config.path("Cmd").isEmpty()).isTrue();
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/deployments");

        String user = config.get("User").asText();
        assertThat(user).as("numeric, non-root user (the charts' runAsUser)").matches("185(:185)?");

        Set<String> ports = new HashSet<>();
        config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).isEqualTo(service.equals("spine-gateway") ? Set.of("8080/tcp", "9000/tcp") : Set.of("8080/tcp"));
        assertThat(config.get("Labels").get("org.opencontainers.image.title").asText()).isEqualTo(service);

        Set<String> files = new HashSet<>();
        for (JsonNode layer : manifest.get("Layers")) {
            Map<String, byte[]> layerTar = untar(new ByteArrayInputStream(untar(Files.newInputStream(tar), n -> n.equals(layer.asText())).get(layer.asText())), n -> false);
            files.addAll(layerTar.keySet());
        }
        assertThat(files).as("the Quarkus fast-jar layout under /deployments")
                .contains("deployments/quarkus-run.jar")
                .anyMatch(f -> f.startsWith("deployments/lib/main/"))
                .anyMatch(f -> f.startsWith("deployments/app/"))
                .anyMatch(f -> f.startsWith("deployments/quarkus/"));
        System.out.printf("%s: %s, %d MB, base %s, entrypoint %s, user %s, ports %s%n", service, manifest.get("RepoTags").get(0).asText(),
                Files.size(tar) / (1024 * 1024), System.getProperty("gpconnect.images.base", "?"), entrypoint, user, ports);
    }

    /**
     * Entries of a (possibly gzipped) tar: names of every entry, with the bytes of those `keep` accepts. A small
     * ustar reader (names, sizes, GNU long names), so that no archive library is needed.
     */
    static Map<String, byte[]> untar(InputStream raw, java.util.function.Predicate<String> keep) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream in0 = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw)) {
            in0.mark(2);
            int b1 = in0.read(), b2 = in0.read();
            in0.reset();
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in0) : in0;
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] data = null;
                if (type == 'L' || keep.test(longName != null ? longName : name)) {
                    data = in.readNBytes((int) size);
                } else {
                    in.skipNBytes(size);
                }
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if (name.startsWith("./")) {
                    name = name.substring(2);
                }
                out.put(name, data);
            }
        }
        return out;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
