package org.gpconnect.senddocument.inbox;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/**
 * The practice inbox API is for the GP system only (send-document.md §5.3): a valid token with role
 * {@code practice-inbox}; 401 without a valid token, 403 for consumers' tokens and other roles.
 */
@QuarkusTest
class InboxApiSecurityTest {

    private static final String INBOX = "/practice/B82617/inbox";

    @Test
    void noTokenOrAnInvalidOneIs401() {
        given().get(INBOX).then().statusCode(401);
        given().auth().oauth2(InternalTokens.forged(Interaction.METADATA_READ)).get(INBOX).then().statusCode(401);
        given().auth().oauth2(InternalTokens.expired(Interaction.METADATA_READ)).get(INBOX).then().statusCode(401);
        given().post(INBOX + "/" + UUID.randomUUID() + "/filed").then().statusCode(401);
    }

    @Test
    void aConsumerRequestThroughTheGatewayIs403() {
        String consumer = InternalTokens.forInteraction(Interaction.METADATA_READ);
        given().auth().oauth2(consumer).get(INBOX).then().statusCode(403);
        given().auth().oauth2(consumer).post(INBOX + "/" + UUID.randomUUID() + "/filed").then().statusCode(403);
        given().auth().oauth2(consumer).get("/practice/B82617/documents/" + UUID.randomUUID() + "/attachments/" + UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void anOperatorWithoutThePracticeInboxRoleIs403() {
        given().auth().oauth2(InternalTokens.operator("ops-1", Set.of("gpconnect-operator"))).get(INBOX).then().statusCode(403);
    }

    @Test
    void theGpSystemSeesItsInboxAndUnknownItemsAre404() {
        String token = InternalTokens.operator("gp-system-1", Set.of("practice-inbox"));
        given().auth().oauth2(token).get(INBOX).then().statusCode(200);
        given().auth().oauth2(token).get(INBOX + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(token).post(INBOX + "/" + UUID.randomUUID() + "/filed").then().statusCode(404);
        given().auth().oauth2(token).get("/practice/B82617/documents/" + UUID.randomUUID() + "/attachments/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(token).queryParam("status", "LOST").get(INBOX).then().statusCode(422);
    }
}
