package org.gpconnect.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.devstack.SuiteLauncher.Service;
import org.gpconnect.testsupport.GpConnectJwt;
import org.gpconnect.testsupport.InternalTokens;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.Test;

/**
 * Access Record Structured on the packaged services, as a consumer calls it: through the real gateway (Ssp-*
 * headers and the consumer's JWT), to access-record-service on real PostgreSQL and Kafka.
 * <ul>
 *   <li>patient2's structured record with consultations (access-record-structured.md §1, §4: a collection
 *       Bundle whose id is the request's Ssp-TraceID; §6/§7.5 the consultations);</li>
 *   <li>a filed document reaches the record (issue 7 item 5): the sample consultation report the MESH double
 *       holds for patient2 is received by send-document-service, filed through its practice inbox API (as the
 *       GP system would), announced FILED on Kafka, recorded by access-record-service, and shown by the next
 *       structured record with {@code includeConsultations} and in the HTML Encounters section.</li>
 * </ul>
 */
class StructuredRecordSystemTest {

    private static final String OPERATION = "/B82617/STU3/1/gpconnect/structured/fhir/Patient/$gpc.getstructuredrecord";
    private static final String PATIENT2 = "9690937286";
    private static final String CONSULTATIONS = "{\"resourceType\":\"Parameters\",\"parameter\":["
            + "{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"" + PATIENT2 + "\"}},"
            + "{\"name\":\"includeConsultations\"}]}";

    @Test
    void patient2sStructuredRecordThroughTheGatewayIsABundleNamedAfterTheTraceId() {
        Map<String, String> headers = SspHeaders.forInteraction(Interaction.STRUCTURED_RECORD);
        JsonPath bundle = structuredRecord(headers)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("collection"))
                .body("id", equalTo(headers.get("Ssp-TraceID")))
                .body("meta.profile[0]", equalTo("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-StructuredRecord-Bundle-1"))
                .extract().jsonPath();
        // the seeded consultations (clinical.yaml): three, with their structure
        List<Map<String, Object>> lists = bundle.getList("entry.resource.findAll { it.resourceType == 'List' }");
        assertThat(lists).anySatisfy(l -> assertThat(l.get("title")).isEqualTo("List of consultations"));
        assertThat(bundle.getList("entry.resource.findAll { it.resourceType == 'Encounter' }")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(bundle.getList("entry.resource.findAll { it.resourceType == 'List' && it.code.coding[0].code == '325851000000107' }"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(bundle.getList("entry.resource.findAll { it.resourceType == 'Patient' }")).hasSize(1);
    }

    @Test
    void aDocumentFiledFromThePracticeInboxAppearsInTheNextStructuredRecord() {
        String sendDocument = RunningSuite.service(Service.SEND_DOCUMENT);
        String token = InternalTokens.operator("inbox-clerk", Set.of("practice-inbox"));
        // the sample report for patient2 arrives over MESH (polled every few seconds) and waits in the inbox
        String[] item = new String[2];
        eventually(Duration.ofSeconds(120), Duration.ofSeconds(2), () -> {
            JsonPath inbox = given().baseUri(sendDocument).auth().oauth2(token)
                    .when().get("/practice/B82617/inbox?status=PENDING").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> mine = inbox.getList("findAll { it.document.patient.nhsNumber == '" + PATIENT2 + "' }");
            if (mine.isEmpty()) {
                return false;
            }
            item[0] = String.valueOf(mine.get(0).get("itemId"));
            item[1] = String.valueOf(((Map<?, ?>) mine.get(0).get("document")).get("title"));
            return true;
        });

        // not filed yet: not in the record (§6: data not yet filed is never returned)
        assertThat(documentReferences(structuredRecordJson())).noneMatch(d -> item[1].equals(d.get("description")));

        given().baseUri(sendDocument).auth().oauth2(token)
                .when().post("/practice/B82617/inbox/" + item[0] + "/filed")
                .then().statusCode(200).body("status", equalTo("FILED"));

        // FILED goes out through send-document's outbox to Kafka; access-record-service records it
        eventually(Duration.ofSeconds(90), Duration.ofSeconds(1),
                () -> documentReferences(structuredRecordJson()).stream().anyMatch(d -> item[1].equals(d.get("description"))));

        JsonPath bundle = structuredRecordJson();
        Map<String, Object> document = documentReferences(bundle).stream().filter(d -> item[1].equals(d.get("description")))
                .findFirst().orElseThrow();
        assertThat(document.get("status")).isEqualTo("current");
        // metadata only: no content, no URL
        Map<?, ?> attachment = (Map<?, ?>) ((Map<?, ?>) ((List<?>) document.get("content")).get(0)).get("attachment");
        assertThat(attachment.get("contentType")).isEqualTo("application/pdf");
        assertThat(attachment.containsKey("data") || attachment.containsKey("url")).isFalse();
        // in an encounter of its own, a consultation of the record
        String encounter = String.valueOf(((Map<?, ?>) ((Map<?, ?>) document.get("context")).get("encounter")).get("reference"));
        List<Map<String, Object>> encounters = bundle.getList("entry.resource.findAll { it.resourceType == 'Encounter' && 'Encounter/' + it.id == '"
                + encounter + "' }");
        assertThat(encounters).singleElement().satisfies(e ->
                assertThat(((Map<?, ?>) ((List<?>) e.get("type")).get(0)).get("text")).isEqualTo("Document received"));
        List<String> primaryEntries = bundle.getList("entry.resource.find { it.resourceType == 'List' && it.title == 'List of consultations' }.entry.item.reference");
        assertThat(primaryEntries).contains(encounter);

        // and in the HTML view of the same record: the Encounters section lists it (issue 7 item 5)
        assertThat(encountersSection()).contains("<td>Document received</td>").contains(xmlText(item[1]));

        // filing again is idempotent and the record holds the document once
        given().baseUri(sendDocument).auth().oauth2(token).when().post("/practice/B82617/inbox/" + item[0] + "/filed").then().statusCode(200);
        assertThat(documentReferences(structuredRecordJson()).stream().filter(d -> item[1].equals(d.get("description")))).hasSize(1);
    }

    /** Patient2's Access Record HTML Encounters section through the gateway (0.x JWT), its XHTML. */
    private static String encountersSection() {
        Map<String, String> headers = SspHeaders.forInteraction(Interaction.HTML_CARE_RECORD.id(), GpConnectJwt.careRecord(PATIENT2));
        return given().baseUri(RunningSuite.gateway()).urlEncodingEnabled(false).headers(headers)
                .contentType("application/json+fhir;charset=utf-8").accept("application/json+fhir")
                .body(("{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"http://fhir.nhs.net/Id/nhs-number\",\"value\":\"" + PATIENT2 + "\"}},"
                        + "{\"name\":\"recordSection\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://fhir.nhs.net/ValueSet/gpconnect-record-section-1\",\"code\":\"ENC\"}]}}]}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/B82617/DSTU2/1/gpconnect/fhir/Patient/$gpc.getcarerecord")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath()
                .getString("entry.resource.find { it.resourceType == 'Composition' }.section[0].text.div");
    }

    /** Text as it stands in XHTML. */
    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Polls until the condition holds (an exception counts as "not yet"); fails after {@code atMost}. */
    private static void eventually(Duration atMost, Duration every, java.util.concurrent.Callable<Boolean> condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Condition not met within " + atMost, last);
    }

    private static Response structuredRecord(Map<String, String> headers) {
        return given().baseUri(RunningSuite.gateway()).urlEncodingEnabled(false)
                .headers(headers)
                .header("Accept", "application/fhir+json")
                .contentType("application/fhir+json;charset=utf-8")
                .body(CONSULTATIONS)
                .when().post(OPERATION);
    }

    private static JsonPath structuredRecordJson() {
        return structuredRecord(SspHeaders.forInteraction(Interaction.STRUCTURED_RECORD)).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> documentReferences(JsonPath bundle) {
        return bundle.getList("entry.resource.findAll { it.resourceType == 'DocumentReference' }");
    }
}
