package org.gpconnect.accessrecord.html;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.dstu2.resource.Bundle;
import ca.uhn.fhir.model.dstu2.resource.OperationOutcome;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;

/**
 * What the Access Record HTML tests share: the 0.7.4 operation, DSTU2 request bodies, the DSTU2 error shape,
 * and the section's XHTML taken from the wire.
 */
public final class CareRecordApi {

    public static final String BASE = "/B82617/DSTU2/1/gpconnect/fhir";
    public static final String OPERATION = BASE + "/Patient/$gpc.getcarerecord";
    public static final String JSON = "application/json+fhir";
    public static final String XML = "application/xml+fhir";
    public static final String NHS_SYSTEM = "http://fhir.nhs.net/Id/nhs-number";
    public static final String SECTION_SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-record-section-1";
    public static final String ERROR_SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1";
    public static final String OUTCOME_PROFILE = "http://fhir.nhs.net/StructureDefinition/gpconnect-operationoutcome-1";

    // patients.yaml (the same NHS numbers serve the HTML dataset, access_record_html.yaml)
    public static final String PATIENT1 = "9690937278";
    public static final String PATIENT2 = "9690937286";
    public static final String PATIENT3 = "9690937294";
    public static final String PATIENT9 = "9690938533";
    public static final String PATIENT10 = "9690938541";
    public static final String PATIENT13 = "9690938096";
    public static final String PATIENT14 = "9476718943";
    public static final String PATIENT15 = "9690938576";
    public static final String PATIENT18 = "9690938681";
    public static final String PATIENT20 = "9690938134";
    public static final String PATIENT21 = "9690938142";
    public static final String NOT_IN_SYSTEM = "9999999999";
    public static final String INVALID_NHS_NUMBER = "1234567891";

    /** The ten 0.7.4 section codes (§1.2). */
    public static final List<String> SECTIONS = List.of("SUM", "PRB", "ENC", "ALL", "MED", "REF", "OBS", "IMM", "ADM", "CLI");
    public static final List<String> FILTERABLE = List.of("PRB", "ENC", "MED", "REF", "OBS", "ADM", "CLI");
    public static final List<String> NOT_FILTERABLE = List.of("SUM", "ALL", "IMM");

    private CareRecordApi() {
    }

    // ---------------------------------------------------------------- request bodies (JSON)

    public static String parameters(String... parameters) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parameters) + "]}";
    }

    public static String nhsNumber(String value) {
        return identifier(NHS_SYSTEM, value);
    }

    public static String identifier(String system, String value) {
        return "{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"" + system + "\",\"value\":\"" + value + "\"}}";
    }

    public static String section(String code) {
        return section(SECTION_SYSTEM, code);
    }

    public static String section(String system, String code) {
        return "{\"name\":\"recordSection\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}}";
    }

    /** A timePeriod; a null end is left out. */
    public static String period(String start, String end) {
        List<String> ends = new ArrayList<>();
        if (start != null) {
            ends.add("\"start\":\"" + start + "\"");
        }
        if (end != null) {
            ends.add("\"end\":\"" + end + "\"");
        }
        return "{\"name\":\"timePeriod\",\"valuePeriod\":{" + String.join(",", ends) + "}}";
    }

    public static String request(String nhsNumber, String section) {
        return parameters(nhsNumber(nhsNumber), section(section));
    }

    // ---------------------------------------------------------------- calls

    /** rest-assured does not know the DSTU2 media types: bodies given as text go out as they are. */
    private static final RestAssuredConfig DSTU2_BODIES = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .encodeContentTypeAs(JSON, ContentType.TEXT).encodeContentTypeAs(XML, ContentType.TEXT)
            // and labelled UTF-8, as GP Connect requires (rest-assured's default for text is ISO-8859-1)
            .defaultContentCharset("UTF-8"));

    /** A request without a token, able to send DSTU2 bodies. */
    public static RequestSpecification client() {
        return given().config(DSTU2_BODIES).urlEncodingEnabled(false);
    }

    /** A call as the gateway forwards it: a valid internal token for $gpc.getcarerecord. */
    public static RequestSpecification caller() {
        return client().auth().oauth2(InternalTokens.forInteraction(Interaction.HTML_CARE_RECORD))
                .contentType(JSON + ";charset=utf-8");
    }

    public static ValidatableResponse post(String body) {
        return caller().body(body).when().post(OPERATION).then().log().ifValidationFails();
    }

    /** A 200 response's JSON, checked for the headers every care record carries. */
    public static ExtractableResponse<Response> ok(String body) {
        return post(body).statusCode(200).header("Cache-Control", "no-store")
                .header("Content-Type", JSON + ";charset=utf-8").extract();
    }

    public static Bundle bundle(String json) {
        return FhirContext.forDstu2Cached().newJsonParser().parseResource(Bundle.class, json);
    }

    /** The section's XHTML exactly as it came over the wire (Composition.section[0].text.div). */
    public static String div(String json) {
        return JsonPath.from(json).getString("entry[0].resource.section[0].text.div");
    }

    /** The view of one section for one patient, parsed (and checked to be valid XHTML). */
    public static XhtmlView view(String nhsNumber, String section, String... more) {
        List<String> parameters = new ArrayList<>(List.of(nhsNumber(nhsNumber), section(section)));
        parameters.addAll(List.of(more));
        return XhtmlView.parse(div(ok(parameters(parameters.toArray(String[]::new))).asString()));
    }

    /** A GP Connect 0.7.4 error: status, DSTU2 OperationOutcome profile, the code in the DSTU2 code system. */
    public static OperationOutcome assertOutcome(ValidatableResponse response, int status, String code) {
        String body = response.statusCode(status).header("Cache-Control", "no-store")
                .header("Content-Type", JSON + ";charset=utf-8").extract().asString();
        OperationOutcome outcome = FhirContext.forDstu2Cached().newJsonParser().parseResource(OperationOutcome.class, body);
        assertThat(outcome.getMeta().getProfile()).extracting(p -> p.getValueAsString()).containsExactly(OUTCOME_PROFILE);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem()).isEqualTo(ERROR_SYSTEM);
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo(code);
        return outcome;
    }
}
