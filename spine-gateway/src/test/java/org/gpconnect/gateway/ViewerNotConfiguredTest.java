package org.gpconnect.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/**
 * The record viewer without an identity (the default: no ASID, no organisation configured): the page is
 * still there, its API answers 503 with what to configure, never a 500 and never a request.
 */
@QuarkusTest
class ViewerNotConfiguredTest {

    private static String operatorToken() {
        return InternalTokens.operator("operator-7", Set.of("gpconnect-operator"));
    }

    @Test
    void theApiSaysWhatToConfigure() {
        given().when().get("/viewer").then().statusCode(200);
        for (String path : List.of("practices", "patients", "sections")) {
            given().auth().oauth2(operatorToken()).when().get("/viewer/api/" + path).then().statusCode(503)
                    .contentType(ContentType.JSON)
                    .body("status", equalTo(503))
                    .body("message", containsString("The record viewer is not configured"))
                    .body("message", containsString("gpconnect.gateway.viewer.asid"));
        }
        StubService.clear();
        given().auth().oauth2(operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("practice", "B82617", "nhsNumber", "9690937286", "section", "SUM"))
                .when().post("/viewer/api/render").then().statusCode(503)
                .body("message", containsString("gpconnect.gateway.viewer.organization-ods"));
        org.assertj.core.api.Assertions.assertThat(StubService.received()).isEmpty();
    }

    @Test
    void itIsStillForOperatorsOnly() {
        given().when().get("/viewer/api/practices").then().statusCode(401);
    }
}
