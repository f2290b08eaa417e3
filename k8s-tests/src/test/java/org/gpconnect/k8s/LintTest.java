package org.gpconnect.k8s;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `helm lint --strict` on every chart, the library included: no error, no warning. */
class LintTest {

    static List<String> charts() {
        return Stream.concat(Charts.APPLICATIONS.stream(), Stream.of(Charts.LIBRARY)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void lintsStrictlyClean(String chart) {
        LintResult result = new Helm(Charts.pristine(chart)).lint().strict().call();
        assertThat(result.isFailed()).as("%s: %s", chart, result.getMessages()).isFalse();
        assertThat(result.getMessages()).as(chart).allMatch(m -> m.startsWith("[INFO]"));
    }
}
