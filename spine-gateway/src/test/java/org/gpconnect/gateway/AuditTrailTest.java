package org.gpconnect.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.GpConnectJwt;
import org.gpconnect.testsupport.InternalTokens;
import org.gpconnect.testsupport.KafkaResource;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.Test;

/**
 * security-and-audit.md §3: one audit record for every request, rejected ones included, with who, what,
 * which patient, the outcome and the latency; kept for operators' queries and published to Kafka.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String OPERATOR = InternalTokens.operator("operator-1", Set.of("gpconnect-operator"));

    @Test
    void acceptedRequestsAreAuditedWithWhoWhatAndOutcome() {
        String trace = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-TraceID", trace))
                .when().get(ConsumerRequests.ROOT + "/metadata").then().statusCode(200);

        JsonPath record = auditOf(trace);
        assertThat(record.getString("interactionId")).isEqualTo(Interaction.METADATA_READ.id());
        assertThat(record.getString("consumerAsid")).isEqualTo("200000000359");
        assertThat(record.getString("providerAsid")).isEqualTo("918999198738");
        assertThat(record.getString("targetOds")).isEqualTo("B82617");
        assertThat(record.getString("requestingOrganizationOds")).isEqualTo("GPCA0001");
        assertThat(record.getString("practitionerId")).isEqualTo("1");
        assertThat(record.getString("practitionerSdsUserId")).isEqualTo("GCASDS0001");
        assertThat(record.getString("practitionerRoleProfileId")).isEqualTo("112233445566");
        assertThat(record.getString("device")).contains("GPC001");
        assertThat(record.getInt("httpStatus")).isEqualTo(200);
        assertThat(record.getString("outcomeCode")).isNull();
        assertThat(record.getString("requestPath")).isEqualTo(ConsumerRequests.ROOT + "/metadata");
        assertThat(record.getLong("latencyMillis")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void rejectedRequestsAreAuditedWithTheirCode() {
        String missingTo = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, mapOf("Ssp-TraceID", missingTo, "Ssp-To", null))
                .when().get(ConsumerRequests.ROOT + "/metadata").then().statusCode(400);
        String badJwt = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-TraceID", badJwt, "Authorization", "Bearer x"))
                .when().get(ConsumerRequests.ROOT + "/metadata").then().statusCode(400);
        String unknownAsid = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-TraceID", unknownAsid, "Ssp-From", "123456789123"))
                .when().get(ConsumerRequests.ROOT + "/metadata").then().statusCode(403);

        assertThat(auditOf(missingTo).getString("outcomeCode")).isEqualTo("BAD_REQUEST");
        assertThat(auditOf(missingTo).getInt("httpStatus")).isEqualTo(400);
        assertThat(auditOf(badJwt).getString("outcomeCode")).isEqualTo("BAD_REQUEST");
        assertThat(auditOf(badJwt).getString("practitionerId")).isNull();
        assertThat(auditOf(unknownAsid).getString("outcomeCode")).isEqualTo("ASID_CHECK_FAILED_MESSAGESENDER_123456789123");
    }

    @Test
    void thePatientIsRecordedFromThePatientSearchQuery() {
        String trace = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.PATIENT_SEARCH, Map.of("Ssp-TraceID", trace))
                .urlEncodingEnabled(false)
                .when().get(ConsumerRequests.ROOT + "/Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9690937294")
                .then().statusCode(200);
        assertThat(auditOf(trace).getString("patientNhsNumber")).isEqualTo("9690937294");
    }

    @Test
    void thePatientNamedByTheServiceIsRecordedAndTheHeaderNeverReachesTheConsumer() {
        String trace = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.PATIENT_READ, Map.of("Ssp-TraceID", trace))
                .when().get(ConsumerRequests.ROOT + "/Patient/2")
                .then().statusCode(200)
                .header("X-GPC-Audit-NHS-Number", org.hamcrest.Matchers.nullValue());
        assertThat(auditOf(trace).getString("patientNhsNumber")).isEqualTo("9690937286");
    }

    @Test
    void auditRecordsArePublishedToKafka() {
        String trace = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-TraceID", trace))
                .when().get(ConsumerRequests.ROOT + "/metadata").then().statusCode(200);
        assertThat(traceIdsOnTheAuditTopic(Set.of(trace), Duration.ofSeconds(30))).containsExactly(trace);
    }

    @Test
    void theQueryApiIsForOperatorsOnly() {
        given().queryParam("traceId", "x").when().get("/admin/audit").then().statusCode(401);
        given().header("Authorization", GpConnectJwt.withScope("organization/*.read").bearer())
                .queryParam("traceId", "x").when().get("/admin/audit").then().statusCode(401);
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ)) // a consumer's role, not an operator's
                .queryParam("traceId", "x").when().get("/admin/audit").then().statusCode(403);
        given().auth().oauth2(OPERATOR).queryParam("traceId", "no-such-trace")
                .when().get("/admin/audit").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void theQueryApiFindsByPatientAndConsumer() {
        String trace = UUID.randomUUID().toString();
        ConsumerRequests.withHeaders(Interaction.PATIENT_READ, Map.of("Ssp-TraceID", trace))
                .when().get(ConsumerRequests.ROOT + "/Patient/2").then().statusCode(200);
        auditOf(trace);
        List<String> byPatient = given().auth().oauth2(OPERATOR).queryParam("nhsNumber", "9690937286").queryParam("limit", 1000)
                .when().get("/admin/audit").then().statusCode(200).extract().jsonPath().getList("traceId");
        assertThat(byPatient).contains(trace);
        List<String> byConsumer = given().auth().oauth2(OPERATOR).queryParam("consumerAsid", "200000000359")
                .queryParam("from", "2000-01-01T00:00:00Z").queryParam("limit", 1000)
                .when().get("/admin/audit").then().statusCode(200).extract().jsonPath().getList("traceId");
        assertThat(byConsumer).contains(trace);
    }

    /** The audit record of one trace, once it has been written (records are written in small batches). */
    static JsonPath auditOf(String traceId) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(OPERATOR)
                        .queryParam("traceId", traceId).when().get("/admin/audit").then().statusCode(200).extract().jsonPath(),
                json -> json.getList("$").size() == 1).setRootPath("[0]");
    }

    /** Trace ids of the records on gpconnect.audit.v1, as many times as each appears, among those wanted. */
    static List<String> traceIdsOnTheAuditTopic(Set<String> wanted, Duration patience) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "audit-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("gpconnect.audit.v1"));
            long deadline = System.nanoTime() + patience.toNanos();
            long quietSince = 0;
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(300));
                for (ConsumerRecord<String, String> r : records) {
                    if (wanted.contains(r.key())) {
                        found.add(r.key());
                    }
                }
                // once everything wanted has arrived, keep reading a little to catch duplicates
                if (found.containsAll(wanted)) {
                    quietSince = quietSince == 0 ? System.nanoTime() : quietSince;
                    if (System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos()) {
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, String> mapOf(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new HashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
