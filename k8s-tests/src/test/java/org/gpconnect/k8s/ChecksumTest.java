package org.gpconnect.k8s;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.marcnuri.helm.TemplateCommand;

import static org.assertj.core.api.Assertions.assertThat;

/** The checksum/config annotation changes with the settings a pod reads, and only with them. */
class ChecksumTest {

    private static Map<String, String> checksums(UnaryOperator<TemplateCommand> values) {
        TemplateCommand template = Charts.template(Charts.UMBRELLA).withValuesFile(Charts.scenarioFile(Charts.UMBRELLA, "minimal"));
        return Rendered.parse("checksums", values.apply(template).call()).deployments().stream().collect(Collectors.toMap(
                d -> d.getMetadata().getName(), d -> d.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config")));
    }

    @Test
    void aSettingOfOneServiceRollsThatServiceOnly() {
        Map<String, String> before = checksums(t -> t);
        Map<String, String> after = checksums(t -> t.set("appointment-service.config.GPCONNECT_OUTBOX_BATCH_SIZE", "100"));
        assertThat(after.get("rel-appointment-service")).isNotEqualTo(before.get("rel-appointment-service"));
        assertThat(after).as("the other services keep their pods")
                .containsEntry("rel-spine-gateway", before.get("rel-spine-gateway"))
                .containsEntry("rel-access-record-service", before.get("rel-access-record-service"))
                .containsEntry("rel-send-document-service", before.get("rel-send-document-service"));
    }

    @Test
    void aSharedSettingRollsEveryService() {
        Map<String, String> before = checksums(t -> t);
        Map<String, String> after = checksums(t -> t.set("global.kafka.bootstrapServers", "other-kafka:9092"));
        before.forEach((name, sum) -> assertThat(after.get(name)).as(name).isNotEqualTo(sum));
    }

    @Test
    void somethingPodsDoNotReadRollsNothing() {
        Map<String, String> before = checksums(t -> t);
        assertThat(checksums(t -> t.set("appointment-service.replicaCount", 5).set("global.commonLabels.team", "x")))
                .isEqualTo(before);
        assertThat(checksums(t -> t)).as("the checksum is stable").isEqualTo(before);
    }
}
