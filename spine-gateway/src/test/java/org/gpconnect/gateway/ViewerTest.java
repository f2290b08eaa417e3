package org.gpconnect.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.security.InternalToken;
import org.gpconnect.gateway.routing.EndpointRegistry;
import org.gpconnect.testsupport.InternalTokenResource;
import org.gpconnect.testsupport.InternalTokens;
import org.gpconnect.testsupport.KafkaResource;
import org.gpconnect.testsupport.PostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The record viewer (issue 6 part 5, docs/adr/0015): its page only on the admin port, its API for operators
 * only, and a rendering that is a properly formed consumer request sent through the gateway's own consumer
 * listener — checked, audited and forwarded like any consumer's — whose answer reaches the page.
 * The stub service stands in for access-record-service here; the system tests use the real one.
 */
@QuarkusTest
@TestProfile(ViewerTest.Configured.class)
class ViewerTest {

    private static final String CARE_RECORD = "/B82617/DSTU2/1/gpconnect/fhir/Patient/$gpc.getcarerecord";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The viewer with the demo identity, and the stub as access-record-service (the default setup has neither). */
    public static class Configured implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(KafkaResource.class),
                    new TestResourceEntry(InternalTokenResource.class),
                    new TestResourceEntry(GatewayTestResource.class, Map.of("access-record", "stub", "viewer", "configured")));
        }
    }

    @Inject
    Pool pool;

    @Inject
    EndpointRegistry endpoints;

    @BeforeEach
    void clear() {
        StubService.clear();
    }

    @Test
    void thePageIsServedOnTheAdminPortWithAPolicyThatKeepsItSelfContained() {
        given().when().get("/viewer").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body(containsString("<iframe id=\"record\""))
                .body(containsString("sandbox=\"allow-same-origin\""))
                .body(not(containsString("allow-scripts")))
                .body(not(containsString("http://")), not(containsString("https://")));
        given().when().get("/viewer/viewer.js").then().statusCode(200).contentType(containsString("javascript"));
        given().when().get("/viewer/record.css").then().statusCode(200).contentType(containsString("text/css"));
        given().when().get("/viewer/index.js").then().statusCode(404);
    }

    @Test
    void neitherThePageNorItsApiIsOnTheConsumerPort() {
        for (String path : List.of("/viewer", "/viewer/viewer.js", "/viewer/api/practices")) {
            ConsumerRequests.consumer().auth().oauth2(operatorToken()).when().get(path).then()
                    .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                            .and(org.hamcrest.Matchers.lessThan(500)))
                    .body("resourceType", equalTo("OperationOutcome"));
        }
        ConsumerRequests.consumer().auth().oauth2(operatorToken()).contentType(ContentType.JSON).body(render("B82617", "9690937286", "SUM"))
                .when().post("/viewer/api/render").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                .body("resourceType", equalTo("OperationOutcome"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void theApiNeedsAnOperatorsToken() {
        for (String path : List.of("practices", "patients", "sections")) {
            given().when().get("/viewer/api/" + path).then().statusCode(401);
            given().auth().oauth2(InternalTokens.forInteraction(Interaction.HTML_CARE_RECORD)) // a consumer's role
                    .when().get("/viewer/api/" + path).then().statusCode(403);
            given().auth().oauth2(operatorToken()).when().get("/viewer/api/" + path).then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(render("B82617", "9690937286", "SUM"))
                .when().post("/viewer/api/render").then().statusCode(401);
        given().auth().oauth2(InternalTokens.operator("someone", Set.of("practice-admin"))).contentType(ContentType.JSON)
                .body(render("B82617", "9690937286", "SUM")).when().post("/viewer/api/render").then().statusCode(403);
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void theChoicesAreThePracticesWithAnHtmlRootTheSectionsAndTheConfiguredSuggestions() {
        operator().when().get("/viewer/api/practices").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("$", hasSize(1))
                .body("[0].odsCode", equalTo("B82617"))
                .body("[0].serviceRoot", equalTo("/B82617/DSTU2/1/gpconnect/fhir"))
                .body("[0].providerAsid", equalTo("918999198738"))
                .body("[0].sharingAgreed", equalTo(true));
        operator().when().get("/viewer/api/sections").then().statusCode(200)
                .body("code", equalTo(List.of("SUM", "PRB", "ENC", "ALL", "MED", "REF", "OBS", "IMM", "ADM", "CLI")))
                .body("find { it.code == 'SUM' }.title", equalTo("Summary"))
                .body("find { it.code == 'SUM' }.dateFilter", equalTo(false))
                .body("find { it.code == 'MED' }.title", equalTo("Medications"))
                .body("find { it.code == 'MED' }.dateFilter", equalTo(true));
        operator().when().get("/viewer/api/patients").then().statusCode(200)
                .body("nhsNumber", equalTo(List.of("9690937286", "9690937294")))
                .body("label", hasItem("patient2 Horace SKELLY"));
    }

    @Test
    void aRenderingIsAProperlyFormedConsumerRequestThroughTheGatewayAndShowsTheSection() throws Exception {
        JsonPath result = operator().contentType(ContentType.JSON).body(render("B82617", "969 093 7286", "SUM"))
                .when().post("/viewer/api/render").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("status", equalTo(200))
                .body("practice", equalTo("B82617"))
                .body("section", equalTo("SUM"))
                .body("sectionTitle", equalTo("Summary"))
                .body("html", containsString("<h2>Current Allergies and Adverse Reactions</h2>"))
                .body("patient.name", equalTo("MR Horace SKELLY"))
                .body("patient.nhsNumber", equalTo("9690937286"))
                .body("patient.birthDate", equalTo("1925-04-21"))
                .body("outcome", nullValue())
                .extract().jsonPath();
        String traceId = result.getString("traceId");
        assertThat(traceId).matches("[0-9a-f-]{36}");

        // what reached the service: the request the gateway accepted from the viewer and forwarded
        assertThat(StubService.received()).hasSize(1);
        StubService.Received received = StubService.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo(CARE_RECORD);
        assertThat(received.headers().get("Ssp-TraceID")).isEqualTo(traceId);
        assertThat(received.headers().get("Ssp-From")).isEqualTo(GatewayTestResource.VIEWER_ASID);
        assertThat(received.headers().get("Ssp-To")).isEqualTo("918999198738");
        assertThat(received.headers().get("Ssp-InteractionID")).isEqualTo("urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord");
        assertThat(received.headers().get("Accept")).isEqualTo("application/json+fhir");
        assertThat(received.headers().get("Content-Type")).startsWith("application/json+fhir");

        JsonWebToken token = verify(received.headers().get("Authorization").substring("Bearer ".length()));
        assertThat(token.getSubject()).isEqualTo("operator-7");
        assertThat(token.<String>getClaim(InternalToken.INTERACTION_ID)).isEqualTo(Interaction.HTML_CARE_RECORD.id());
        assertThat(token.<String>getClaim(InternalToken.TRACE_ID)).isEqualTo(traceId);
        assertThat(token.<String>getClaim(InternalToken.CONSUMER_ASID)).isEqualTo(GatewayTestResource.VIEWER_ASID);
        assertThat(token.<String>getClaim(InternalToken.PROVIDER_ODS)).isEqualTo("B82617");
        assertThat(token.<String>getClaim(InternalToken.ORGANIZATION_ODS)).isEqualTo(GatewayTestResource.VIEWER_ODS);
        assertThat(token.<String>getClaim(InternalToken.ORGANIZATION_NAME)).isEqualTo("Record viewer under test");
        assertThat(token.<String>getClaim(InternalToken.PRACTITIONER_SDS_USER_ID)).isEqualTo("UNK");
        assertThat(token.<String>getClaim(InternalToken.SCOPE)).isEqualTo("patient/*.read");

        JsonNode parameters = JSON.readTree(received.body());
        assertThat(parameters.path("resourceType").asText()).isEqualTo("Parameters");
        assertThat(parameters.path("parameter")).hasSize(2);
        JsonNode nhsNumber = parameters.path("parameter").path(0);
        assertThat(nhsNumber.path("name").asText()).isEqualTo("patientNHSNumber");
        assertThat(nhsNumber.path("valueIdentifier").path("system").asText()).isEqualTo("http://fhir.nhs.net/Id/nhs-number");
        assertThat(nhsNumber.path("valueIdentifier").path("value").asText()).isEqualTo("9690937286");
        JsonNode section = parameters.path("parameter").path(1);
        assertThat(section.path("name").asText()).isEqualTo("recordSection");
        assertThat(section.path("valueCodeableConcept").path("coding").path(0).path("system").asText())
                .isEqualTo("http://fhir.nhs.net/ValueSet/gpconnect-record-section-1");
        assertThat(section.path("valueCodeableConcept").path("coding").path(0).path("code").asText()).isEqualTo("SUM");

        // audited like any consumer request: the viewer's ASID, the operator as practitioner, the patient
        JsonPath audit = auditOf(traceId);
        assertThat(audit.getString("consumerAsid")).isEqualTo(GatewayTestResource.VIEWER_ASID);
        assertThat(audit.getString("practitionerId")).isEqualTo("operator-7");
        assertThat(audit.getString("requestingOrganizationOds")).isEqualTo(GatewayTestResource.VIEWER_ODS);
        assertThat(audit.getString("patientNhsNumber")).isEqualTo("9690937286");
        assertThat(audit.getInt("httpStatus")).isEqualTo(200);
    }

    @Test
    void aDateRangeIsSentAsEnteredForSectionsThatTakeOne() throws Exception {
        operator().contentType(ContentType.JSON).body(Map.of("practice", "B82617", "nhsNumber", "9690937286", "section", "MED",
                "from", "2016", "to", "2018-09")).when().post("/viewer/api/render").then().statusCode(200).body("status", equalTo(200));
        JsonNode period = JSON.readTree(StubService.received().get(0).body()).path("parameter").path(2);
        assertThat(period.path("name").asText()).isEqualTo("timePeriod");
        assertThat(period.path("valuePeriod").path("start").asText()).isEqualTo("2016");
        assertThat(period.path("valuePeriod").path("end").asText()).isEqualTo("2018-09");
    }

    @Test
    void whatTheServiceAnswersWithAnErrorIsPassedThrough() {
        operator().contentType(ContentType.JSON).body(render("B82617", StubService.UNKNOWN_PATIENT, "SUM"))
                .when().post("/viewer/api/render").then().statusCode(200)
                .body("status", equalTo(404))
                .body("traceId", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body("html", nullValue())
                .body("outcome.code", equalTo("PATIENT_NOT_FOUND"))
                .body("outcome.display", equalTo("Patient not found"))
                .body("outcome.diagnostics", equalTo("No patient details found for this NHS number"));
    }

    @Test
    void whatTheGatewayItselfRefusesIsPassedThrough() {
        // a second practice whose HTML root the viewer has no sharing agreement for: the SSP's FoT check answers
        update("INSERT INTO provider_endpoint (service_root, ods_code, provider_asid, capabilities)"
                + " VALUES ('/A20047/DSTU2/1/gpconnect/fhir', 'A20047', '918999100001', '{ACCESS_RECORD_HTML}')");
        try {
            endpoints.reload().await().atMost(Duration.ofSeconds(10));
            operator().when().get("/viewer/api/practices").then().statusCode(200)
                    .body("find { it.odsCode == 'A20047' }.sharingAgreed", equalTo(false));
            operator().contentType(ContentType.JSON).body(render("A20047", "9690937286", "SUM"))
                    .when().post("/viewer/api/render").then().statusCode(200)
                    .body("status", equalTo(403))
                    .body("outcome.diagnostics", equalTo("FOT_CHECK_FAILED_MESSAGESENDER_" + GatewayTestResource.VIEWER_ASID
                            + "_MESSAGERECEIVER_918999100001"));
            assertThat(StubService.received()).isEmpty();
        } finally {
            update("DELETE FROM provider_endpoint WHERE ods_code = 'A20047'");
            endpoints.reload().await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void badInputIsA400ThatSaysWhatIsWrong() {
        rejected(render("B82617", "9690937287", "SUM"), 400, "is not a valid NHS number");
        rejected(render("B82617", "96909372", "SUM"), 400, "is not a valid NHS number");
        rejected(render("B82617", "9690937286", "sum"), 400, "'sum' is not a record section");
        rejected(render("B82617", "9690937286", "INV"), 400, "'INV' is not a record section");
        rejected(render("B82617", "9690937286", ""), 400, "Choose a record section");
        rejected(render("", "9690937286", "SUM"), 400, "Choose a practice");
        rejected(Map.of("practice", "B82617", "nhsNumber", "9690937286", "section", "SUM", "from", "2016"), 400,
                "Summary takes no date range");
        rejected(Map.of("practice", "B82617", "nhsNumber", "9690937286", "section", "MED", "from", "2016-13"), 400,
                "'from' must be a date");
        rejected(Map.of("practice", "B82617", "nhsNumber", "9690937286", "section", "MED", "to", "yesterday"), 400,
                "'to' must be a date");
        rejected(Map.of("practice", "B82617", "nhsNumber", "9690937286", "section", "MED", "from", "2018-10", "to", "2018-09"), 400,
                "'from' is after 'to'");
        operator().contentType(ContentType.JSON).body("{\"practice\": ").when().post("/viewer/api/render").then().statusCode(400);
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void aPracticeWithoutAnHtmlRootIs404() {
        rejected(render("Z99999", "9690937286", "SUM"), 404, "No practice Z99999");
        assertThat(StubService.received()).isEmpty();
    }

    private static Map<String, String> render(String practice, String nhsNumber, String section) {
        return Map.of("practice", practice, "nhsNumber", nhsNumber, "section", section);
    }

    /** A fresh operator token for each call: they live 30 s, and a Quarkus restart can take longer. */
    private static String operatorToken() {
        return InternalTokens.operator("operator-7", Set.of("gpconnect-operator"));
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().auth().oauth2(operatorToken());
    }

    /** The audit record of one trace, once written (records are written in small batches). */
    private static JsonPath auditOf(String traceId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> operator()
                        .queryParam("traceId", traceId).when().get("/admin/audit").then().statusCode(200).extract().jsonPath(),
                json -> json.getList("$").size() == 1).setRootPath("[0]");
    }

    private static ValidatableResponse rejected(Map<String, String> body, int status, String message) {
        return operator().contentType(ContentType.JSON).body(body).when().post("/viewer/api/render").then()
                .statusCode(status)
                .contentType(ContentType.JSON)
                .body("status", equalTo(status))
                .body("message", containsString(message));
    }

    private void update(String sql) {
        pool.query(sql).execute().await().atMost(Duration.ofSeconds(10));
    }

    private static JsonWebToken verify(String token) throws Exception {
        JWTAuthContextInfo info = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(InternalTokens.publicKeyPem(), io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256),
                InternalToken.DEFAULT_ISSUER);
        info.setSignatureAlgorithm(Set.of(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256));
        info.setExpectedAudience(Set.of(InternalToken.DEFAULT_AUDIENCE));
        return new DefaultJWTParser(info).parse(token);
    }
}
