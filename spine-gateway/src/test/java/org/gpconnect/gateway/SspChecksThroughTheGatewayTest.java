package org.gpconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * foundations.md §2.1 (Ssp-* headers), §2.3 (unknown root), §2.4 (order of checks) and §4 (415), each
 * through the real gateway; nothing that fails a check reaches a service.
 */
@QuarkusTest
class SspChecksThroughTheGatewayTest {

    private static final String METADATA = ConsumerRequests.ROOT + "/metadata";

    @BeforeEach
    void clear() {
        StubService.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID"})
    void eachSspHeaderIsRequired(String header) {
        Map<String, String> changes = new HashMap<>();
        changes.put(header, null);
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, changes).when().get(METADATA)
                .then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"))
                .body("issue[0].diagnostics", containsString(header));
        assertThat(StubService.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID"})
    void eachSspHeaderMustNotBeBlank(String header) {
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of(header, "  ")).when().get(METADATA)
                .then().statusCode(400).body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        var headers = org.gpconnect.testsupport.SspHeaders.forInteraction(Interaction.METADATA_READ);
        var request = ConsumerRequests.consumer();
        headers.forEach((name, value) -> request.header(name.toLowerCase(), value));
        request.when().get(METADATA).then().statusCode(200);
    }

    @Test
    void sspToMustBeTheAddressedProvidersAsid() {
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-To", "123456789123")).when().get(METADATA)
                .then().statusCode(400).body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
        assertThat(StubService.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-2",
            "URN:NHS:NAMES:SERVICES:GPCONNECT:FHIR:REST:READ:METADATA-1", "metadata", ""})
    void interactionIdMustBeKnownExactly(String interactionId) {
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-InteractionID", interactionId.isEmpty() ? " " : interactionId))
                .when().get(METADATA).then().statusCode(400).body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
    }

    @Test
    void interactionIdMustFitTheMethod() {
        ConsumerRequests.valid(Interaction.METADATA_READ)
                .header("Content-Type", "application/fhir+json;charset=utf-8").body("{\"resourceType\":\"Parameters\"}")
                .when().post(METADATA).then().statusCode(400).body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void interactionIdMustFitThePath() {
        ConsumerRequests.valid(Interaction.METADATA_READ).when().get(ConsumerRequests.ROOT + "/Patient/2")
                .then().statusCode(400).body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
    }

    @Test
    void amendAndCancelAreToldApartByTheInteractionIdAlone() {
        for (Interaction put : new Interaction[]{Interaction.APPOINTMENT_AMEND, Interaction.APPOINTMENT_CANCEL}) {
            StubService.clear();
            ConsumerRequests.valid(put).header("Content-Type", "application/fhir+json;charset=utf-8")
                    .body("{\"resourceType\":\"Appointment\"}")
                    .when().put(ConsumerRequests.ROOT + "/Appointment/1").then().statusCode(200);
            assertThat(StubService.received().get(0).headers().get("Ssp-InteractionID")).isEqualTo(put.id());
        }
    }

    @Test
    void unknownServiceRootIsTheSspOutcome() {
        ConsumerRequests.valid(Interaction.METADATA_READ).when().get("/B82617/STU3/1/gpconnect/other/metadata")
                .then().statusCode(400)
                .body("issue[0].details.coding[0].system", equalTo("http://fhir.nhs.net/ValueSet/gpconnect-schedule-response-code-1-0"))
                .body("issue[0].diagnostics", containsString("VARIES_FROM_TARGETURL"));
    }

    @Test
    void headersAreCheckedBeforeTheJwt() {
        // §2.4: a request missing Ssp-From and carrying a broken JWT is refused for the header
        Map<String, String> changes = new HashMap<>();
        changes.put("Ssp-From", null);
        changes.put("Authorization", "Bearer broken");
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, changes).when().get(METADATA)
                .then().statusCode(400).body("issue[0].diagnostics", containsString("Ssp-From"));
    }

    @Test
    void writeWithoutContentTypeIs415() {
        ConsumerRequests.valid(Interaction.APPOINTMENT_CREATE).body("{\"resourceType\":\"Appointment\"}".getBytes())
                .when().post(ConsumerRequests.ROOT + "/Appointment")
                .then().statusCode(415).body("issue[0].code", equalTo("not-supported"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void unsupportedAcceptIs415() {
        ConsumerRequests.valid(Interaction.METADATA_READ).header("Accept", "text/html").when().get(METADATA)
                .then().statusCode(415);
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void rejectionsComeInTheAskedFormat() {
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-To", "123456789123"))
                .queryParam("_format", "application/fhir+xml").when().get(METADATA)
                .then().statusCode(400).header("Content-Type", "application/fhir+xml;charset=utf-8");
    }
}
