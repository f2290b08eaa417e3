package org.gpconnect.k8s;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** `helm test` pods, the optional migration Job and the release notes. */
class HooksTest {

    private static final Pattern URL = Pattern.compile("http://([a-z0-9-]+):(\\d+)(/[A-Za-z0-9/_.-]*)");

    static List<String> scenarios() {
        return ScenarioTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyServiceHasAHelmTestThatCallsItsReadinessThroughItsService(String scenario) {
        Rendered r = Charts.render(scenario);
        for (Deployment d : r.deployments()) {
            String fullname = d.getMetadata().getName();
            Pod test = ScenarioTest.testPod(r, fullname);
            assertThat(test.getMetadata().getAnnotations()).containsEntry(Charts.HOOK, "test")
                    .containsEntry(Charts.HOOK + "-delete-policy", "before-hook-creation,hook-succeeded");
            assertThat(test.getSpec().getRestartPolicy()).isEqualTo("Never");
            String script = String.join("\n", test.getSpec().getContainers().get(0).getArgs());
            Matcher urls = URL.matcher(script);
            List<String> called = new java.util.ArrayList<>();
            while (urls.find()) {
                if (called.contains(urls.group(0))) {
                    continue;
                }
                called.add(urls.group(0));
                Service svc = r.services().stream().filter(s -> s.getMetadata().getName().equals(urls.group(1))).findFirst()
                        .orElseThrow(() -> new AssertionError(scenario + ": the test calls " + urls.group(1) + ", which is no Service"));
                assertThat(svc.getSpec().getPorts()).extracting(p -> p.getPort()).contains(Integer.parseInt(urls.group(2)));
                assertThat(ScenarioTest.selected(r, svc.getSpec().getSelector())).containsExactly("Deployment/" + fullname);
            }
            if (fullname.endsWith("spine-gateway")) {
                assertThat(called).containsExactly(
                        "http://" + fullname + "-admin:9000/q/health/ready",
                        "http://" + fullname + ":8080/B82617/STU3/1/gpconnect/fhir/metadata");
                assertThat(script).contains("OperationOutcome|CapabilityStatement").contains("Accept: application/fhir+json");
            } else {
                assertThat(called).containsExactly("http://" + fullname + ":8080/q/health/ready");
            }
            assertThat(script).contains("\"status\" *: *\"UP\"");
        }
    }

    @Test
    void testsCanBeSwitchedOff() {
        Rendered r = Rendered.parse("no-tests", Charts.template("appointment-service").set("tests.enabled", false)
                .set("networkPolicy.enabled", true).call());
        assertThat(r.pods()).isEmpty();
        assertThat(r.networkPolicies()).extracting(n -> n.getMetadata().getName()).containsExactly("rel-appointment-service");
    }

    @Test
    void theMigrationJobRunsFlywayBeforeTheUpgradeAndThePodsSkipIt() {
        Rendered r = Charts.render(Charts.UMBRELLA + "/production");
        Job job = r.jobs().stream().filter(j -> j.getMetadata().getName().equals("rel-appointment-service-migration")).findFirst().orElseThrow();
        assertThat(r.jobs()).as("only appointment-service turns the Job on in this scenario").hasSize(1);
        assertThat(job.getMetadata().getAnnotations()).containsEntry(Charts.HOOK, "pre-install,pre-upgrade");
        Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = migrate.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).containsEntry("QUARKUS_INIT_AND_EXIT", "true").containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true")
                .containsEntry("GPC_SEED_DEMO_DATA", "false");
        Map<String, String> config = r.configMap("rel-appointment-service").getData();
        assertThat(config).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        config.forEach((k, v) -> {
            if (!k.equals("QUARKUS_FLYWAY_MIGRATE_AT_START") && !k.equals("GPC_SEED_DEMO_DATA")) {
                assertThat(env).as("the Job has the service's setting %s", k).containsEntry(k, v);
            }
        });
        assertThat(migrate.getImage()).isEqualTo(r.deployment("rel-appointment-service").getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        NetworkPolicy policy = r.networkPolicies().stream().filter(n -> n.getMetadata().getName().equals("rel-appointment-service-migration")).findFirst().orElseThrow();
        int policyWeight = Integer.parseInt(policy.getMetadata().getAnnotations().get(Charts.HOOK + "-weight"));
        int jobWeight = Integer.parseInt(job.getMetadata().getAnnotations().get(Charts.HOOK + "-weight"));
        assertThat(policyWeight).as("the Job's NetworkPolicy exists before the Job").isLessThan(jobWeight);
        assertThat(Charts.render("appointment-service/defaults").configMaps().get(0).getData())
                .as("by default Flyway runs at start-up").doesNotContainKey("QUARKUS_FLYWAY_MIGRATE_AT_START");
    }

    @Test
    void releaseNotesNameTheSecretsToCreate() {
        String notes = new Helm(Charts.chart(Charts.UMBRELLA)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "minimal"))
                .withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(notes).contains("rel-internal-token-signing", "rel-internal-token ", "rel-spine-gateway-db",
                "rel-appointment-service-db", "rel-access-record-service-db", "rel-send-document-service-db", "helm test rel -n gpc");
        String demo = new Helm(Charts.chart(Charts.UMBRELLA)).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "demo"))
                .withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(demo).contains("WARNING: appointment-service loads the GP Connect test dataset");
        // the only warning of a minimal install: PDS is not configured, so register patient answers 500
        assertThat(notes.lines().filter(l -> l.contains("WARNING")).toList()).singleElement().asString()
                .startsWith("WARNING: appointment-service.pds.enabled is false: register patient ($gpc.registerpatient) answers 500");
        String gateway = new Helm(Charts.chart("spine-gateway")).install().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withKubeVersion(Charts.KUBE_VERSION).set("demoData.enabled", true).withDryRunOption(DryRun.CLIENT).clientOnly().call().getOutput();
        assertThat(gateway).contains("rel-spine-gateway-admin:9000", "WARNING: demoData.enabled");
    }
}
