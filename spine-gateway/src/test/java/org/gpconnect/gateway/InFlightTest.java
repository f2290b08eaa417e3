package org.gpconnect.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.Test;

/**
 * The listener's count of requests in flight (what a graceful shutdown waits for) goes back to zero once
 * every answer has ended, accepted or refused: a count that never dropped made every shutdown wait out the
 * whole drain timeout.
 */
@QuarkusTest
class InFlightTest {

    @Test
    void everyEndedExchangeLeavesTheCount() {
        StubService.clear();
        Map<String, String> accepted = SspHeaders.forInteraction(Interaction.METADATA_READ);
        Map<String, String> refused = new HashMap<>(accepted);
        refused.remove("Ssp-TraceID");
        for (int i = 0; i < 5; i++) {
            ConsumerRequests.consumer().headers(accepted).when().get("/B82617/STU3/1/gpconnect/fhir/metadata").then().statusCode(200);
            ConsumerRequests.consumer().headers(refused).when().get("/B82617/STU3/1/gpconnect/fhir/metadata").then().statusCode(400);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().body("checks.findAll { it.name == 'Consumer listener' }.data.inFlight", hasItem(0)));
    }
}
