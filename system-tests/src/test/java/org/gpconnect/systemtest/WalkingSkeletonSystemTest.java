package org.gpconnect.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.devstack.SuiteLauncher.Service;
import org.gpconnect.testsupport.InternalTokens;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.Test;

/**
 * The foundation's walking skeleton, on the packaged services: a consumer's metadata request goes through
 * the real gateway to the real appointment-service (real PostgreSQL and Kafka behind it); the service
 * itself answers nobody who did not come through the gateway.
 */
class WalkingSkeletonSystemTest {

    private static final String METADATA = "/B82617/STU3/1/gpconnect/fhir/metadata";

    @Test
    void metadataThroughTheGatewayReturnsTheCapabilityStatement() {
        given().baseUri(RunningSuite.gateway())
                .headers(SspHeaders.forInteraction(Interaction.METADATA_READ))
                .when().get(METADATA)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("3.0.1"))
                .body("format", hasItems("application/fhir+json", "application/fhir+xml"));
    }

    @Test
    void metadataThroughTheGatewayInXml() {
        given().baseUri(RunningSuite.gateway())
                .headers(SspHeaders.forInteraction(Interaction.METADATA_READ))
                .queryParam("_format", "application/fhir+xml")
                .when().get(METADATA)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8");
    }

    @Test
    void directCallWithoutTheInternalTokenIs401() {
        given().baseUri(RunningSuite.service(Service.APPOINTMENTS))
                .headers(SspHeaders.forInteraction(Interaction.METADATA_READ)) // a consumer's JWT is no credential here
                .when().get(METADATA)
                .then().statusCode(401);
    }

    @Test
    void directCallWithAForgedInternalTokenIs401() {
        given().baseUri(RunningSuite.service(Service.APPOINTMENTS))
                .auth().oauth2(InternalTokens.forged(Interaction.METADATA_READ))
                .when().get(METADATA)
                .then().statusCode(401);
    }

    @Test
    void directCallWithAnExpiredInternalTokenIs401() {
        given().baseUri(RunningSuite.service(Service.APPOINTMENTS))
                .auth().oauth2(InternalTokens.expired(Interaction.METADATA_READ))
                .when().get(METADATA)
                .then().statusCode(401);
    }

    @Test
    void directCallWithAValidInternalTokenIsServed() {
        // the control for the three above: the same call succeeds with a token the gateway would mint
        given().baseUri(RunningSuite.service(Service.APPOINTMENTS))
                .auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .when().get(METADATA)
                .then().statusCode(200);
    }

    @Test
    void everyServiceIsReady() {
        for (Service service : Service.values()) {
            given().baseUri(RunningSuite.service(service)).when().get("/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
    }
}
