package org.gpconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.Test;

/**
 * Observability (the gateway issue, item 7): a span per consumer request named by interaction, with the
 * Ssp-TraceID and interaction ID as attributes and never a patient identifier, continued into the service
 * through W3C trace context headers.
 */
@QuarkusTest
class TracingTest {

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void eachExchangeIsASpanWithTraceAndInteractionButNoPatient() {
        exporter.reset();
        StubService.clear();
        String trace = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.PATIENT_SEARCH, Map.of("Ssp-TraceID", trace))
                .urlEncodingEnabled(false)
                .when().get(ConsumerRequests.ROOT + "/Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9690937286")
                .then().statusCode(200);

        SpanData span = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> exporter.getFinishedSpanItems().stream()
                .filter(s -> trace.equals(s.getAttributes().get(AttributeKey.stringKey("gpconnect.ssp_trace_id"))))
                .findFirst().orElse(null), s -> s != null);

        assertThat(span.getName()).isEqualTo("GP Connect PATIENT_SEARCH");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("gpconnect.interaction_id"))).isEqualTo(Interaction.PATIENT_SEARCH.id());
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(span.getAttributes().asMap().values()).noneMatch(v -> String.valueOf(v).contains("9690937286"));
        String traceparent = StubService.received().get(0).headers().get("traceparent");
        assertThat(traceparent).contains(span.getTraceId());
    }
}
