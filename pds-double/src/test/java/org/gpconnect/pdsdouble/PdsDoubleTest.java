package org.gpconnect.pdsdouble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The double's own behaviour the service tests rely on: the PDS FHIR API's patient retrieval and the dataset. */
class PdsDoubleTest {

    private static final String TOKEN = "test-token";
    private PdsDouble pds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws IOException {
        pds = PdsDouble.start(0, TOKEN);
    }

    @AfterEach
    void stop() {
        pds.close();
    }

    @Test
    void aKnownPatientIsAnR4PatientWithItsVersionAsETag() throws Exception {
        HttpResponse<String> response = get("9690937278", UUID.randomUUID().toString(), "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/fhir+json");
        assertThat(response.headers().firstValue("ETag")).contains("W/\"1\"");
        assertThat(response.body()).contains("\"resourceType\":\"Patient\"", "\"id\":\"9690937278\"", "\"family\":\"SAMUAL\"",
                "\"birthDate\":\"1938-12-11\"", "\"code\":\"U\"", "\"value\":\"B82617\"", "\"postalCode\":\"TS19 8JP\"");
        assertThat(response.body()).doesNotContain("deceasedDateTime");
    }

    @Test
    void requestAndCorrelationIdsAreCheckedAndEchoed() throws Exception {
        String requestId = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(pds.baseUrl() + "/Patient/9690937278"))
                .header("X-Request-ID", requestId).header("X-Correlation-ID", "trace-1").header("Authorization", "Bearer " + TOKEN)
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("X-Request-ID")).contains(requestId);
        assertThat(response.headers().firstValue("X-Correlation-ID")).contains("trace-1");
        assertThat(pds.requests()).last().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo(requestId);
            assertThat(r.correlationId()).isEqualTo("trace-1");
        });

        HttpResponse<String> missing = get("9690937278", null, "Bearer " + TOKEN);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("MISSING_VALUE", "\"resourceType\":\"OperationOutcome\"");
        HttpResponse<String> notUuid = get("9690937278", "not-a-uuid", "Bearer " + TOKEN);
        assertThat(notUuid.statusCode()).isEqualTo(400);
        assertThat(notUuid.body()).contains("INVALID_VALUE");
    }

    @Test
    void aMissingOrWrongBearerTokenIs401() throws Exception {
        assertThat(get("9690937278", UUID.randomUUID().toString(), null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get("9690937278", UUID.randomUUID().toString(), "Bearer other");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("ACCESS_DENIED");
        pds.accessToken("rotated");
        assertThat(get("9690937278", UUID.randomUUID().toString(), "Bearer rotated").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownInvalidAndInvalidatedNumbers() throws Exception {
        assertThat(get("9999999999", UUID.randomUUID().toString(), "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = get("1234567891", UUID.randomUUID().toString(), "Bearer " + TOKEN);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("INVALID_RESOURCE_ID");
        pds.invalidate("9651258500");
        HttpResponse<String> invalidated = get("9651258500", UUID.randomUUID().toString(), "Bearer " + TOKEN);
        assertThat(invalidated.statusCode()).isEqualTo(404);
        assertThat(invalidated.body()).contains("INVALIDATED_RESOURCE");
    }

    @Test
    void theDatasetsSpecialPatients() throws Exception {
        // patient14 is held by the practice but is not on PDS
        assertThat(get("9476718943", UUID.randomUUID().toString(), "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        // patient9 is S-flagged: restricted, without address, telecom or GP
        String patient9 = get("9690938533", UUID.randomUUID().toString(), "Bearer " + TOKEN).body();
        assertThat(patient9).contains("\"code\":\"R\"").doesNotContain("\"address\"", "\"telecom\"", "generalPractitioner");
        // patient18 is deceased
        assertThat(get("9690938681", UUID.randomUUID().toString(), "Bearer " + TOKEN).body())
                .contains("\"deceasedDateTime\":\"1993-02-17T00:00:00+00:00\"");
        // patient11's number is superseded: the answer is the record under its new number
        String patient11 = get("9690938622", UUID.randomUUID().toString(), "Bearer " + TOKEN).body();
        assertThat(patient11).contains("\"id\":\"" + PdsDataset.PATIENT11_NEW_NHS_NUMBER + "\"", "\"family\":\"HORN\"");
        // a register candidate, and a pds_patients record with other given names
        assertThat(get("9651258500", UUID.randomUUID().toString(), "Bearer " + TOKEN).body())
                .contains("\"family\":\"REA\"", "\"gender\":\"male\"", "\"birthDate\":\"1951-03-10\"");
        assertThat(get("9476719923", UUID.randomUUID().toString(), "Bearer " + TOKEN).body())
                .contains("\"given\":[\"Sybill\",\"Bertha\"]", "\"prefix\":[\"MS\"]");
    }

    @Test
    void outagesAndTransientFailures() throws Exception {
        pds.outage(503);
        assertThat(get("9690937278", UUID.randomUUID().toString(), "Bearer " + TOKEN).statusCode()).isEqualTo(503);
        assertThat(get("9690937278", UUID.randomUUID().toString(), "Bearer " + TOKEN).statusCode()).isEqualTo(503);
        pds.recover();
        pds.failNextRequests(429, 1);
        assertThat(get("9690937278", UUID.randomUUID().toString(), "Bearer " + TOKEN).statusCode()).isEqualTo(429);
        assertThat(get("9690937278", UUID.randomUUID().toString(), "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theDatasetHoldsEveryPdsPatient() {
        PdsDataset.Standard standard = PdsDataset.standard();
        // 20 registered patients of patients.yaml (all but patient14), 24 pds_patients, 158 register candidates
        assertThat(standard.records()).hasSize(20 + 24 + 158);
        assertThat(standard.records().values()).allSatisfy(r -> assertThat(PdsDouble.checkDigitValid(r.nhsNumber())).isTrue());
        assertThat(standard.superseded()).containsEntry("9690938622", PdsDataset.PATIENT11_NEW_NHS_NUMBER);
    }

    private HttpResponse<String> get(String nhsNumber, String requestId, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pds.baseUrl() + "/Patient/" + nhsNumber)).GET();
        if (requestId != null) {
            request.header("X-Request-ID", requestId);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
