package org.gpconnect.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.Test;

/** foundations.md §2.3: a service that does not answer in time is a 504 with the SSP's outcome. */
@QuarkusTest
class TimeoutTest {

    @Test
    void silentServiceIs504() {
        // the stub never answers paths ending in /slow; the test profile gives the service 2 s
        ConsumerRequests.valid(Interaction.PATIENT_READ)
                .when().get(ConsumerRequests.ROOT + "/Patient/slow")
                .then().statusCode(504)
                .body("issue[0].details.coding[0].code", equalTo("504"))
                .body("issue[0].diagnostics", startsWith("TIMEOUT_COMMUNICATING_TO_ENDPOINT_URL_"));
    }
}
