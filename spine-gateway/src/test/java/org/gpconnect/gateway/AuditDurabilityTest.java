package org.gpconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.KafkaResource;
import org.junit.jupiter.api.Test;

/**
 * security-and-audit.md §3 / ARCHITECTURE.md "Events": audit records are never lost. With the Kafka broker
 * stopped, requests are still served; once it is back every audit record is on the topic exactly once.
 */
@QuarkusTest
class AuditDurabilityTest {

    @Test
    void auditSurvivesKafkaBeingDown() throws Exception {
        Set<String> traces = new HashSet<>();
        KafkaResource.broker().stopBroker();
        try {
            for (int i = 0; i < 25; i++) {
                String trace = UUID.randomUUID().toString();
                traces.add(trace);
                ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-TraceID", trace))
                        .when().get(ConsumerRequests.ROOT + "/metadata").then().statusCode(200);
            }
            String rejected = UUID.randomUUID().toString();
            traces.add(rejected);
            ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-TraceID", rejected, "Ssp-To", "000000000000"))
                    .when().get(ConsumerRequests.ROOT + "/metadata").then().statusCode(400);
            Thread.sleep(2000); // the relay tries, and fails, while the broker is away
        } finally {
            KafkaResource.broker().startBroker();
        }

        List<String> published = AuditTrailTest.traceIdsOnTheAuditTopic(traces, Duration.ofSeconds(60));

        assertThat(published).containsExactlyInAnyOrderElementsOf(traces);
    }
}
