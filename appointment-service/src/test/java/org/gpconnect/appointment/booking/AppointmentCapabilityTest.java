package org.gpconnect.appointment.booking;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.Test;

/**
 * The CapabilityStatement lists the Appointment interactions this service serves (foundations.md §8; the test
 * pack checks the Appointment resource's "create", "read", "update" and "search-type" interactions).
 */
@QuarkusTest
class AppointmentCapabilityTest {

    @Test
    void appointmentInteractionsAreDeclared() {
        FoundationsApi.as(Interaction.METADATA_READ).when().get(FoundationsApi.BASE + "/metadata")
                .then().statusCode(200)
                .body("rest[0].resource.type", hasItem("Appointment"))
                .body("rest[0].resource.find { it.type == 'Appointment' }.interaction.code",
                        containsInAnyOrder("create", "read", "update", "search-type"));
    }
}
