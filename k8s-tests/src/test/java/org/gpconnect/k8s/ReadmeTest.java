package org.gpconnect.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value is documented, and each chart's README lists exactly the values of its values.yaml.
 * `scripts/mvn -pl k8s-tests test -Dk8s.updateReadmes=true` rewrites the README tables from values.yaml.
 */
class ReadmeTest {

    static List<String> charts() {
        return Charts.APPLICATIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everyValueHasADocComment(String chart) {
        String text = ValuesDoc.read(Charts.source(chart).resolve("values.yaml"));
        Map<String, String> documented = ValuesDoc.documented(text);
        List<String> undocumented = ValuesDoc.leaves(ValuesDoc.values(text)).stream()
                .filter(leaf -> documented.keySet().stream().noneMatch(d -> leaf.equals(d) || leaf.startsWith(d + ".")))
                .toList();
        assertThat(undocumented).as("%s: values without a `# --` comment (on them or a parent)", chart).isEmpty();
        assertThat(documented.values()).as("%s: empty descriptions", chart).allMatch(d -> !d.isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void readmeListsEveryValue(String chart) throws IOException {
        Path readme = Charts.source(chart).resolve("README.md");
        Path values = Charts.source(chart).resolve("values.yaml");
        String current = Files.readString(readme);
        String expected = ValuesDoc.withTable(current, values);
        if (Boolean.getBoolean("k8s.updateReadmes") && !expected.equals(current)) {
            Files.writeString(readme, expected);
            current = expected;
        }
        assertThat(current).as("%s/README.md is out of step with values.yaml: run "
                + "`scripts/mvn -pl k8s-tests test -Dk8s.updateReadmes=true`", chart).isEqualTo(expected);
        for (ValuesDoc.Entry e : ValuesDoc.entries(values)) {
            assertThat(current).contains("| `" + e.key() + "` |");
        }
    }
}
