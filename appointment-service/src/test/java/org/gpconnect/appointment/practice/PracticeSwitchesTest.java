package org.gpconnect.appointment.practice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * foundations.md §6: GP Connect and Appointment Management are switched per practice; switched off ⇒ 403
 * ACCESS DENIED, while the CapabilityStatement is still answered (§8).
 */
@QuarkusTest
class PracticeSwitchesTest {

    private static final String ROOT = "/B82617/STU3/1/gpconnect/fhir";

    @Inject
    Pool pool;

    @AfterEach
    void switchBackOn() {
        set(true, true);
    }

    @Test
    void appointmentManagementSwitchedOffRefusesSlotsButNotFoundations() {
        set(true, false);
        String from = LocalDate.now().plusDays(1).toString();
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.SLOT_SEARCH))
                .when().get(ROOT + "/Slot?start=ge" + from + "&end=le" + from + "&status=free&_include=Slot:schedule")
                .then().statusCode(403)
                .body("issue[0].details.coding[0].code", equalTo("ACCESS DENIED"));
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.LOCATION_READ))
                .when().get(ROOT + "/Location/1").then().statusCode(200);
    }

    @Test
    void gpConnectSwitchedOffRefusesEverythingButTheCapabilityStatement() {
        set(false, true);
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.LOCATION_READ))
                .when().get(ROOT + "/Location/1")
                .then().statusCode(403).body("issue[0].details.coding[0].code", equalTo("ACCESS DENIED"));
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .when().get(ROOT + "/metadata").then().statusCode(200);
    }

    private void set(boolean gpConnect, boolean appointments) {
        pool.query("UPDATE practice SET gp_connect_enabled = " + gpConnect + ", appointments_enabled = " + appointments
                + " WHERE ods_code = 'B82617'").execute().await().atMost(Duration.ofSeconds(10));
    }
}
