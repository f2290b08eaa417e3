package org.gpconnect.gateway.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Set;
import org.gpconnect.common.fhir.FhirVersion;
import org.gpconnect.common.interaction.Capability;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.interaction.RecordSection;
import org.gpconnect.gateway.jwt.ConsumerJwt;
import org.gpconnect.gateway.jwt.ConsumerJwtDecoder;
import org.gpconnect.gateway.jwt.JwtContext;
import org.gpconnect.gateway.jwt.JwtValidator;
import org.gpconnect.gateway.routing.ProviderEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The viewer's consumer request on its own (access-record-html.md §1, foundations.md §2.1, §3): its JWT passes
 * every rule the gateway applies on the DSTU2 root, and its headers and body are those of the care-record
 * operation. ViewerTest sends the same request through a running gateway.
 */
class CareRecordCallTest {

    private static final ProviderEndpoint B82617 = new ProviderEndpoint("/B82617/DSTU2/1/gpconnect/fhir", "B82617", "918999198738",
            Set.of(Capability.ACCESS_RECORD_HTML));
    private static final ViewerIdentity VIEWER = new ViewerIdentity("918999198993", "GPCVIEW01", "GP Connect record viewer");
    private static final Operator OPERATOR = new Operator("operator-7", "Smith", "Jo");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CareRecordQuery query(RecordSection section, String from, String to) {
        return new CareRecordQuery(B82617, "9690937286", section, from == null ? null : PartialDate.parse("from", from),
                to == null ? null : PartialDate.parse("to", to));
    }

    private static CareRecordCall call(CareRecordQuery query) {
        return CareRecordCall.of(query, VIEWER, OPERATOR, "http://127.0.0.1:9000/viewer", "1.0");
    }

    @Test
    void theJwtIsAValid0xTokenForTheCareRecord() throws Exception {
        CareRecordCall call = call(query(RecordSection.SUM, null, null));
        ConsumerJwt jwt = ConsumerJwtDecoder.decode(call.headers().get("Authorization"));
        assertThatCode(() -> JwtValidator.validate(jwt, new JwtContext(Interaction.HTML_CARE_RECORD, FhirVersion.DSTU2, Instant.now())))
                .doesNotThrowAnyException();
        assertThat(jwt.text("aud")).isEqualTo("https://authorize.fhir.nhs.net/token");
        assertThat(jwt.text("sub")).isEqualTo("operator-7");
        assertThat(jwt.number("exp") - jwt.number("iat")).isEqualTo(300);
        JsonNode record = jwt.claim("requested_record");
        assertThat(record.path("resourceType").asText()).isEqualTo("Patient");
        assertThat(record.path("identifier").path(0).path("value").asText()).isEqualTo("9690937286");
        JsonNode practitioner = jwt.claim("requesting_practitioner");
        assertThat(practitioner.path("id").asText()).isEqualTo("operator-7");
        assertThat(practitioner.path("name").path("family").path(0).asText()).isEqualTo("Smith");
        assertThat(jwt.claim("requesting_organization").path("identifier").path(0).path("value").asText()).isEqualTo("GPCVIEW01");
    }

    @Test
    void theHeadersAreThoseOfAConsumerRequestToThePractice() {
        CareRecordCall call = call(query(RecordSection.SUM, null, null));
        assertThat(call.target()).isEqualTo("/B82617/DSTU2/1/gpconnect/fhir/Patient/$gpc.getcarerecord");
        assertThat(call.headers()).containsEntry("Ssp-From", "918999198993").containsEntry("Ssp-To", "918999198738")
                .containsEntry("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord")
                .containsEntry("Accept", "application/json+fhir");
        assertThat(call.traceId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(call(query(RecordSection.SUM, null, null)).traceId()).isNotEqualTo(call.traceId());
    }

    @Test
    void theBodyCarriesThePatientTheSectionAndThePeriodAsEntered() throws Exception {
        JsonNode summary = JSON.readTree(call(query(RecordSection.SUM, null, null)).body());
        assertThat(summary.path("parameter")).hasSize(2);
        JsonNode medications = JSON.readTree(call(query(RecordSection.MED, "2012", "2016-09")).body());
        JsonNode period = medications.path("parameter").path(2);
        assertThat(period.path("name").asText()).isEqualTo("timePeriod");
        assertThat(period.path("valuePeriod").path("start").asText()).isEqualTo("2012");
        assertThat(period.path("valuePeriod").path("end").asText()).isEqualTo("2016-09");
        JsonNode onlyEnd = JSON.readTree(call(query(RecordSection.MED, null, "2016-09-30")).body()).path("parameter").path(2).path("valuePeriod");
        assertThat(onlyEnd.has("start")).isFalse();
        assertThat(onlyEnd.path("end").asText()).isEqualTo("2016-09-30");
    }

    @Test
    void partialDatesCoverTheirWholePeriodAndNothingElseIsADate() {
        assertThat(PartialDate.parse("from", "2016").firstDay()).hasToString("2016-01-01");
        assertThat(PartialDate.parse("to", "2016-02").lastDay()).hasToString("2016-02-29");
        assertThat(PartialDate.parse("to", "2016-09-30").lastDay()).hasToString("2016-09-30");
        for (String bad : new String[]{"16", "2016-9", "2016-13", "2016-02-30", "2016-09-30T10:00", "yesterday", " 2016"}) {
            assertThatThrownBy(() -> PartialDate.parse("from", bad)).as(bad).isInstanceOf(ViewerProblem.class)
                    .hasMessageContaining("'from' must be a date");
        }
    }
}
