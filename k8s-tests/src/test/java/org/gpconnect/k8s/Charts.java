package org.gpconnect.k8s;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The charts under k8s/charts, copied to a work directory (so that `helm dependency update` leaves the
 * source tree clean) with their file:// dependencies resolved: the library into each service chart, then
 * the service charts into the umbrella. Renders are cached per chart and scenario.
 *
 * Two copies: `pristine` is what lint sees. helm-java's template returns the release manifest without
 * hooks (the `helm test` pods, the migration Job and its NetworkPolicy), so in the `render` copy the hook
 * annotations are renamed from `helm.sh/hook*` to {@value #HOOK}* and the hooks render as plain resources;
 * the tests read the renamed keys.
 */
public final class Charts {

    public static final String UMBRELLA = "gpconnect-suite";
    public static final String LIBRARY = "gpconnect-lib";
    public static final List<String> SERVICES = List.of("spine-gateway", "appointment-service", "access-record-service", "send-document-service");
    /** Charts that install something: the four services and the umbrella. */
    public static final List<String> APPLICATIONS = Stream.concat(SERVICES.stream(), Stream.of(UMBRELLA)).toList();
    public static final String RELEASE = "rel";
    /** The Kubernetes version templates render for (the charts need 1.27 or newer). */
    public static final String KUBE_VERSION = "1.30.0";
    public static final String NAMESPACE = "gpc";
    /** The scenario name of a chart's default values (no values file). */
    public static final String DEFAULTS = "defaults";
    /** The key `helm.sh/hook` has in rendered output (see the class comment). */
    public static final String HOOK = "test.gpconnect/hook";

    private static final Path SOURCE = Path.of(System.getProperty("gpconnect.k8s.dir", "../k8s")).resolve("charts").toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("gpconnect.work.dir", "target/chart-work")).toAbsolutePath().normalize();
    private static final Map<String, Rendered> RENDERS = new ConcurrentHashMap<>();
    private static volatile boolean prepared;

    private Charts() {
    }

    /** The source directory of a chart (for files tests read or compare: values.yaml, README.md). */
    public static Path source(String chart) {
        return SOURCE.resolve(chart);
    }

    /** The four service charts (a JUnit method source). */
    public static List<String> services() {
        return SERVICES;
    }

    /** The repository root (the parent of k8s/): the services' own configuration files are read from there, never built. */
    public static Path repository() {
        return SOURCE.getParent().getParent();
    }

    /** The prepared copy of a chart, dependencies resolved, hooks rendered as plain resources. */
    public static Path chart(String chart) {
        prepare();
        return WORK.resolve("render").resolve(chart);
    }

    /** The prepared copy of a chart exactly as in the source, dependencies resolved: what lint checks. */
    public static Path pristine(String chart) {
        prepare();
        return WORK.resolve("pristine").resolve(chart);
    }

    /** Scenario names of a chart: "defaults", then one per ci/*-values.yaml. */
    public static List<String> scenarios(String chart) {
        List<String> names = new ArrayList<>(List.of(DEFAULTS));
        try (Stream<Path> files = Files.list(source(chart).resolve("ci"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-values.yaml")).sorted()
                    .map(n -> n.substring(0, n.length() - "-values.yaml".length())).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Every (chart, scenario) pair, as "chart/scenario". */
    public static Stream<String> allScenarios() {
        return APPLICATIONS.stream().flatMap(c -> scenarios(c).stream().map(s -> c + "/" + s));
    }

    public static Path scenarioFile(String chart, String scenario) {
        return chart(chart).resolve("ci").resolve(scenario + "-values.yaml");
    }

    /** Renders a scenario ("chart/scenario"), cached. */
    public static Rendered render(String chartAndScenario) {
        return RENDERS.computeIfAbsent(chartAndScenario, key -> {
            String[] parts = key.split("/", 2);
            TemplateCommand template = template(parts[0]);
            if (!parts[1].equals(DEFAULTS)) {
                template = template.withValuesFile(scenarioFile(parts[0], parts[1]));
            }
            return Rendered.parse(key, template.call());
        });
    }

    /** A template command for a chart with the test release name and namespace; the caller adds values. */
    public static TemplateCommand template(String chart) {
        return new Helm(chart(chart)).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    }

    private static synchronized void prepare() {
        if (prepared) {
            return;
        }
        try {
            deleteTree(WORK);
            for (String copy : List.of("pristine", "render")) {
                Path dir = WORK.resolve(copy);
                copyTree(SOURCE, dir);
                if (copy.equals("render")) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path tpl : files.filter(f -> f.toString().endsWith(".tpl") || f.toString().endsWith(".yaml")).toList()) {
                            Files.writeString(tpl, Files.readString(tpl).replace("helm.sh/hook", HOOK));
                        }
                    }
                }
                for (String service : SERVICES) {
                    new Helm(dir.resolve(service)).dependency().update().call();
                }
                new Helm(dir.resolve(UMBRELLA)).dependency().update().call();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        prepared = true;
    }

    /** Copies the charts, following links: the umbrella's dashboards/ is a link to k8s/dashboards (Helm follows it too). */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName().toString();
                if (!dir.equals(from) && name.equals("charts") && Files.exists(dir.resolveSibling("Chart.yaml"))) {
                    return FileVisitResult.SKIP_SUBTREE; // vendored dependencies of a local `helm dependency update`
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals("Chart.lock")) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
