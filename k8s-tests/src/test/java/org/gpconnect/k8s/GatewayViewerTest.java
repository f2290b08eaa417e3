package org.gpconnect.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway's record viewer settings (docs/adr/0015-record-viewer.md), rendered as the gateway reads them
 * (GatewayConfig.Viewer, GPCONNECT_GATEWAY_VIEWER_*): absent unless an ASID is given; in the demo scenario
 * the identity the gateway's demo seed data accredits.
 */
class GatewayViewerTest {

    static final String CHART = "spine-gateway";
    static final String FULLNAME = Charts.RELEASE + "-" + CHART;
    static final String PREFIX = "GPCONNECT_GATEWAY_VIEWER_";

    static Map<String, String> viewerConfig(Rendered r) {
        return r.configMap(FULLNAME).getData().entrySet().stream().filter(e -> e.getKey().startsWith(PREFIX))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CHART + "/defaults", CHART + "/minimal", CHART + "/production", Charts.UMBRELLA + "/defaults",
            Charts.UMBRELLA + "/production"})
    void theViewerIsUnconfiguredUnlessGivenAnAsid(String scenario) {
        assertThat(viewerConfig(Charts.render(scenario))).as(scenario).isEmpty();
    }

    @Test
    void theDemoScenarioGivesTheViewerTheIdentityTheDemoDataAccredits() {
        Map<String, String> config = viewerConfig(Charts.render(Charts.UMBRELLA + "/demo"));
        assertThat(config).containsEntry(PREFIX + "ASID", "918999198993")
                .containsEntry(PREFIX + "ORGANIZATION_ODS", "GPCVIEW01")
                .containsKey(PREFIX + "ORGANIZATION_NAME");
        assertThat(config.get(PREFIX + "DEMO_PATIENTS")).startsWith("9690937286=patient2 Horace SKELLY").contains(",9690937294=");
        String seed = ServiceConfigurationTest.read(Path.of(CHART, "src/main/resources/db/seed/B82617.sql"));
        assertThat(seed).as("the gateway's demo seed data accredits the viewer's ASID for the HTML care record")
                .contains("('918999198993', 'urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord')")
                .contains("('918999198993', 'B82617', 'ACCESS_RECORD_HTML')");
    }

    @Test
    void everyVariableTheChartSetsIsAPropertyOfTheGatewaysViewerSettings() {
        String source = ServiceConfigurationTest.read(Path.of(CHART, "src/main/java/org/gpconnect/gateway/config/GatewayConfig.java"));
        assertThat(source).contains("@ConfigMapping(prefix = \"gpconnect.gateway\")").contains("Viewer viewer();");
        Set<String> read = ServiceConfigurationTest.mappingProperties(source, "Viewer", "gpconnect.gateway.viewer.", "").keySet().stream()
                .map(ServiceConfigurationTest::canonicalEnv).collect(Collectors.toCollection(TreeSet::new));
        assertThat(read).contains(PREFIX + "ASID", PREFIX + "ORGANIZATION_ODS", PREFIX + "DEMO_PATIENTS");
        assertThat(viewerConfig(Charts.render(Charts.UMBRELLA + "/demo")).keySet()).isSubsetOf(read);
    }
}
