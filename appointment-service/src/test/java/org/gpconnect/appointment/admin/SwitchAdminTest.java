package org.gpconnect.appointment.admin;

import static org.gpconnect.appointment.admin.AdminApi.SWITCHES;
import static org.gpconnect.appointment.admin.AdminApi.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * foundations.md §6 and security-and-audit.md §3.1/P14: the practice switches as the practice's staff see and set
 * them; each toggle is recorded (switch, old and new value, when, who) and applies to the next consumer request.
 */
@QuarkusTest
class SwitchAdminTest {

    @Inject
    Pool pool;

    @AfterEach
    void backOn() {
        FoundationsApi.update(pool, "UPDATE practice SET gp_connect_enabled = true, appointments_enabled = true WHERE ods_code = 'B82617'");
        FoundationsApi.update(pool, "DELETE FROM practice_switch_change WHERE practice_ods = 'B82617'");
    }

    @Test
    void eachToggleIsRecordedAndTakesEffect() {
        admin().when().get(SWITCHES).then().statusCode(200)
                .body("practice", equalTo("B82617")).body("gpConnect", equalTo(true)).body("appointmentManagement", equalTo(true));

        admin().body("{\"appointmentManagement\": false}").when().patch(SWITCHES)
                .then().statusCode(200).body("gpConnect", equalTo(true)).body("appointmentManagement", equalTo(false));
        // the next consumer request sees it
        String tomorrow = LocalDate.now().plusDays(1).toString();
        FoundationsApi.assertOutcome(FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false)
                .when().get(FoundationsApi.BASE + "/Slot?start=ge" + tomorrow + "&end=le" + tomorrow + "&status=free&_include=Slot:schedule")
                .then(), 403, "ACCESS DENIED");

        admin().body("{\"gpConnect\": false, \"appointmentManagement\": true}").when().patch(SWITCHES)
                .then().statusCode(200).body("gpConnect", equalTo(false)).body("appointmentManagement", equalTo(true));
        FoundationsApi.assertOutcome(FoundationsApi.as(Interaction.LOCATION_READ).when().get(FoundationsApi.BASE + "/Location/1").then(),
                403, "ACCESS DENIED");

        // setting what is already set changes and records nothing
        admin().body("{\"gpConnect\": false}").when().patch(SWITCHES).then().statusCode(200);

        admin().when().get(SWITCHES + "/history").then().statusCode(200)
                .body("$", hasSize(3))
                // newest first
                .body("[0].switchName", equalTo("appointment-management"))
                .body("[0].oldValue", equalTo(false)).body("[0].newValue", equalTo(true))
                .body("[1].switchName", equalTo("gp-connect"))
                .body("[1].oldValue", equalTo(true)).body("[1].newValue", equalTo(false))
                .body("[2].switchName", equalTo("appointment-management"))
                .body("[2].changedBy", equalTo(AdminApi.OPERATOR))
                .body("[2].changedAt", org.hamcrest.Matchers.notNullValue());
        admin().queryParam("limit", "1").when().get(SWITCHES + "/history").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void badChangesAre400AndChangeNothing() {
        admin().body("{}").when().patch(SWITCHES).then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("at least one"));
        admin().body("{\"gpConnect\": \"no\"}").when().patch(SWITCHES).then().statusCode(400).body("violations[0].field", equalTo("gpConnect"));
        admin().body("{\"structured\": false}").when().patch(SWITCHES).then().statusCode(400).body("violations[0].field", equalTo("structured"));
        admin().body("not json").when().patch(SWITCHES).then().statusCode(400);
        admin().queryParam("limit", "0").when().get(SWITCHES + "/history").then().statusCode(400);
        admin().queryParam("limit", "lots").when().get(SWITCHES + "/history").then().statusCode(400);
        admin().when().get(SWITCHES).then().body("gpConnect", equalTo(true)).body("appointmentManagement", equalTo(true));
        admin().when().get(SWITCHES + "/history").then().body("$", hasSize(0));
    }
}
