package org.gpconnect.appointment.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.security.InternalToken;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin API is for the practice's own staff: role practice-admin in a valid internal token. Without a token
 * 401; a consumer's token (what the gateway mints) or an operator of another role 403; a token limited to another
 * practice 403. Checked on every endpoint.
 */
@QuarkusTest
class AdminSecurityTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET /schedules", "GET /schedules/1", "PUT /schedules/10/window", "GET /schedules/10/sessions",
            "POST /schedules/10/sessions", "GET /schedules/1/sessions/1", "PUT /schedules/1/sessions/1",
            "DELETE /schedules/1/sessions/1", "POST /slots:roll", "GET /appointments?from=2026-01-01&to=2026-01-02",
            "GET /switches", "PATCH /switches", "GET /switches/history"})
    void onlyThePracticesStaffGetIn(String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = AdminApi.PRACTICE + endpoint.substring(endpoint.indexOf(' ') + 1);
        given().urlEncodingEnabled(false).contentType("application/json").body("{}")
                .when().request(method, path).then().statusCode(401);
        given().urlEncodingEnabled(false).auth().oauth2(InternalTokens.forInteraction(Interaction.SLOT_SEARCH))
                .contentType("application/json").body("{}")
                .when().request(method, path).then().statusCode(403);
        given().urlEncodingEnabled(false).auth().oauth2(InternalTokens.operator("ops-1", Set.of("gpconnect-operator")))
                .contentType("application/json").body("{}")
                .when().request(method, path).then().statusCode(403);
        given().urlEncodingEnabled(false).auth().oauth2(InternalTokens.forged(Interaction.SLOT_SEARCH))
                .contentType("application/json").body("{}")
                .when().request(method, path).then().statusCode(401);
        given().urlEncodingEnabled(false).auth().oauth2(otherPracticesAdmin())
                .contentType("application/json").body("{}")
                .when().request(method, path).then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/schedules", "/switches", "/switches/history"})
    void aTokenForThisPracticeGetsIn(String path) {
        given().urlEncodingEnabled(false).auth().oauth2(practiceAdmin("B82617")).when().get(AdminApi.PRACTICE + path)
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/schedules", "/switches", "/switches/history", "/appointments?from=2026-01-01&to=2026-01-02"})
    void anUnknownPracticeIs404(String path) {
        AdminApi.admin().when().get("/admin/practices/X99999" + path).then().statusCode(404).body("status", equalTo(404));
    }

    private static String otherPracticesAdmin() {
        return practiceAdmin("A12345");
    }

    /** A practice-admin token limited to one practice ({@code gpc_provider_ods}), signed with the test gateway key. */
    private static String practiceAdmin(String ods) {
        return Jwt.issuer(InternalToken.DEFAULT_ISSUER).audience(InternalToken.DEFAULT_AUDIENCE).subject("manager-" + ods)
                .groups(Set.of("practice-admin")).claim(InternalToken.PROVIDER_ODS, ods)
                .issuedAt(Instant.now()).expiresIn(30)
                .jws().algorithm(SignatureAlgorithm.ES256).sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try {
            String pem = InternalTokens.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
