package org.gpconnect.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.security.InternalToken;
import org.gpconnect.testsupport.GpConnectJwt;
import org.gpconnect.testsupport.InternalTokens;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The path through the gateway (foundations.md §1-§3, ARCHITECTURE.md "Layers"): accepted requests reach
 * the service with the internal token instead of the consumer's JWT; rejected ones never do.
 */
@QuarkusTest
class WalkingSkeletonTest {

    private static final String METADATA = "/B82617/STU3/1/gpconnect/fhir/metadata";

    @BeforeEach
    void clear() {
        StubService.clear();
    }

    private static RequestSpecification consumer(Map<String, String> headers) {
        return ConsumerRequests.consumer().headers(headers);
    }

    @Test
    void acceptedRequestReachesTheServiceWithTheInternalToken() throws Exception {
        Map<String, String> headers = SspHeaders.forInteraction(Interaction.METADATA_READ);

        consumer(headers).when().get(METADATA)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("ETag", "W/\"1\"")
                .body("resourceType", equalTo("CapabilityStatement"));

        assertThat(StubService.received()).hasSize(1);
        StubService.Received received = StubService.received().get(0);
        assertThat(received.uri()).isEqualTo(METADATA);
        assertThat(received.headers().get("Ssp-InteractionID")).isEqualTo(Interaction.METADATA_READ.id());
        assertThat(received.headers().get("Forwarded")).startsWith("for=");
        String bearer = received.headers().get("Authorization");
        assertThat(bearer).startsWith("Bearer ").isNotEqualTo(headers.get("Authorization"));

        JsonWebToken token = verify(bearer.substring("Bearer ".length()));
        assertThat(token.getIssuer()).isEqualTo(InternalToken.DEFAULT_ISSUER);
        assertThat(token.getGroups()).containsExactly(InternalToken.CONSUMER_ROLE);
        assertThat((String) token.getClaim(InternalToken.TRACE_ID)).isEqualTo(headers.get("Ssp-TraceID"));
        assertThat((String) token.getClaim(InternalToken.INTERACTION_ID)).isEqualTo(Interaction.METADATA_READ.id());
        assertThat((String) token.getClaim(InternalToken.CONSUMER_ASID)).isEqualTo("200000000359");
        assertThat((String) token.getClaim(InternalToken.PROVIDER_ODS)).isEqualTo("B82617");
        assertThat((String) token.getClaim(InternalToken.ORGANIZATION_ODS)).isEqualTo("GPCA0001");
        assertThat((String) token.getClaim(InternalToken.PRACTITIONER_SDS_USER_ID)).isEqualTo("GCASDS0001");
        assertThat((String) token.getClaim(InternalToken.SCOPE)).isEqualTo("organization/*.read");
    }

    @Test
    void sspStyleUrlWithTheRegisteredBaseIsForwardedAsTheDirectForm() throws Exception {
        // a plain client: rest-assured would take the embedded "https://" for its own URL
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + GatewayTestResource.consumerPort() + "/" + GatewayTestResource.PUBLIC_BASE_URL + METADATA));
        SspHeaders.forInteraction(Interaction.METADATA_READ).forEach(request::header);
        var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(StubService.received()).extracting(StubService.Received::uri).containsExactly(METADATA);
    }

    @Test
    void requestBodyIsStreamedToTheService() {
        String body = "{\"resourceType\":\"Appointment\",\"description\":\"" + "x".repeat(100_000) + "\"}";
        consumer(SspHeaders.forInteraction(Interaction.APPOINTMENT_CREATE))
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .body(body)
                .when().post("/B82617/STU3/1/gpconnect/fhir/Appointment")
                .then().statusCode(200)
                .body("echo", equalTo(body.length()));
        assertThat(StubService.received().get(0).body()).isEqualTo(body);
    }

    @Test
    void missingSspHeaderIs400AndNothingIsForwarded() {
        Map<String, String> headers = new java.util.HashMap<>(SspHeaders.forInteraction(Interaction.METADATA_READ));
        headers.remove("Ssp-TraceID");
        consumer(headers).when().get(METADATA)
                .then().statusCode(400)
                .header("Cache-Control", "no-store")
                .body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void sspToOfAnotherProviderIs400() {
        Map<String, String> headers = new java.util.HashMap<>(SspHeaders.forInteraction(Interaction.METADATA_READ));
        headers.put("Ssp-To", "123456789123");
        consumer(headers).when().get(METADATA).then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void unregisteredServiceRootGetsTheSspOutcome() {
        consumer(SspHeaders.forInteraction(Interaction.METADATA_READ))
                .when().get("/INVOC1/STU3/1/gpconnect/fhir/metadata")
                .then().statusCode(400)
                .body("issue[0].details.coding[0].system", equalTo("http://fhir.nhs.net/ValueSet/gpconnect-schedule-response-code-1-0"))
                .body("issue[0].details.coding[0].code", equalTo("400"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void interactionNotMatchingThePathIs400() {
        consumer(SspHeaders.forInteraction(Interaction.PATIENT_READ.id(), GpConnectJwt.withScope("patient/*.read")))
                .when().get(METADATA)
                .then().statusCode(400).body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void malformedJwtIs400() {
        Map<String, String> headers = new java.util.HashMap<>(SspHeaders.forInteraction(Interaction.METADATA_READ));
        headers.put("Authorization", "Bearer not-a-jwt");
        consumer(headers).when().get(METADATA).then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void unreachableServiceIs502WithTheSspOutcome() {
        consumer(SspHeaders.forInteraction(Interaction.STRUCTURED_METADATA_READ))
                .when().get("/B82617/STU3/1/gpconnect/structured/fhir/metadata")
                .then().statusCode(502)
                .body("issue[0].details.coding[0].code", equalTo("502"))
                .body("issue[0].diagnostics", org.hamcrest.Matchers.startsWith("ERROR_COMMUNICATING_TO_ENDPOINT_URL_"));
    }

    private static JsonWebToken verify(String token) throws Exception {
        JWTAuthContextInfo info = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(InternalTokens.publicKeyPem(), io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256),
                InternalToken.DEFAULT_ISSUER);
        info.setSignatureAlgorithm(java.util.Set.of(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256));
        info.setExpectedAudience(java.util.Set.of(InternalToken.DEFAULT_AUDIENCE));
        return new DefaultJWTParser(info).parse(token);
    }
}
