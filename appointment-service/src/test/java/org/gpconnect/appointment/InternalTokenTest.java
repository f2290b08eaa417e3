package org.gpconnect.appointment;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/**
 * The service answers only requests that passed the gateway: anything without a valid internal token is
 * 401 and nothing else (ARCHITECTURE.md "Layers"), while probes stay open.
 */
@QuarkusTest
class InternalTokenTest {

    private static final String METADATA = "/B82617/STU3/1/gpconnect/fhir/metadata";

    @Test
    void noTokenIs401() {
        given().when().get(METADATA).then().statusCode(401).header("Cache-Control", "no-store");
    }

    @Test
    void consumerStyleUnsignedJwtIs401() {
        given().header("Authorization", org.gpconnect.testsupport.GpConnectJwt.withScope("organization/*.read").bearer())
                .when().get(METADATA).then().statusCode(401);
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        given().auth().oauth2(InternalTokens.forged(Interaction.METADATA_READ))
                .when().get(METADATA).then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        given().auth().oauth2(InternalTokens.expired(Interaction.METADATA_READ))
                .when().get(METADATA).then().statusCode(401);
    }

    @Test
    void validTokenIsServed() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .when().get(METADATA).then().statusCode(200);
    }

    @Test
    void anOperatorsTokenDoesNotOpenTheFhirApi() {
        given().auth().oauth2(InternalTokens.operator("ops-1", java.util.Set.of("practice-admin")))
                .when().get(METADATA).then().statusCode(403)
                .body("issue[0].details.coding[0].code", org.hamcrest.Matchers.equalTo("ACCESS DENIED"));
    }

    @Test
    void probesNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
