package org.gpconnect.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.Test;

/**
 * Per-consumer, per-interaction limits (test profile: 3 slot searches a 60 s window): the SSP's 429 with
 * X-Rate-Limit-Limit, -Remaining and -Reset (foundations.md §2.3), nothing forwarded once over the limit.
 */
@QuarkusTest
class RateLimitTest {

    private static final String SLOTS = ConsumerRequests.ROOT + "/Slot?start=ge2030-01-01&end=le2030-01-02&status=free&_include=Slot:schedule";

    @Test
    void theFourthSlotSearchInAWindowIsThrottled() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            ConsumerRequests.valid(Interaction.SLOT_SEARCH).when().get(SLOTS)
                    .then().statusCode(200)
                    .header("X-Rate-Limit-Limit", "3")
                    .header("X-Rate-Limit-Remaining", Integer.toString(remaining))
                    .header("X-Rate-Limit-Reset", notNullValue());
        }
        StubService.clear();
        ConsumerRequests.valid(Interaction.SLOT_SEARCH).when().get(SLOTS)
                .then().statusCode(429)
                .header("X-Rate-Limit-Limit", "3")
                .header("X-Rate-Limit-Remaining", "0")
                .header("Retry-After", notNullValue())
                .body("issue[0].details.coding[0].code", equalTo("429"))
                .body("issue[0].diagnostics", equalTo("RATE_LIMIT_EXCEEDED_MESSAGESENDER_200000000359"));
        org.assertj.core.api.Assertions.assertThat(StubService.received()).isEmpty();
        // other interactions of the same consumer have their own allowance
        ConsumerRequests.valid(Interaction.METADATA_READ).when().get(ConsumerRequests.ROOT + "/metadata").then().statusCode(200);
    }
}
