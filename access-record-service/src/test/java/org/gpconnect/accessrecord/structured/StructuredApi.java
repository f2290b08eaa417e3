package org.gpconnect.accessrecord.structured;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Resource;

/** What the Access Record Structured tests share: the operation, request bodies, parsing, look-ups. */
public final class StructuredApi {

    public static final String BASE = "/B82617/STU3/1/gpconnect/structured/fhir";
    public static final String OPERATION = BASE + "/Patient/$gpc.getstructuredrecord";
    public static final String SPINE_CODES = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
    public static final String WARNING_CODE_EXT = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1";
    public static final String CONFIDENTIAL_NOTE = "Items excluded due to confidentiality and/or patient preferences.";

    // patients.yaml
    public static final String PATIENT1 = "9690937278";
    public static final String PATIENT2 = "9690937286";
    public static final String PATIENT3 = "9690937294";
    public static final String PATIENT4 = "9690937308";
    public static final String PATIENT5 = "9690937375";
    public static final String PATIENT9 = "9690938533";
    public static final String PATIENT10 = "9690938541";
    public static final String PATIENT12 = "9690938614";
    public static final String PATIENT13 = "9690938096";
    public static final String PATIENT14 = "9476718943";
    public static final String PATIENT15 = "9690938576";
    public static final String PATIENT16 = "9690938118";
    public static final String PATIENT17 = "9690938126";
    public static final String PATIENT18 = "9690938681";
    public static final String PATIENT21 = "9690938142";
    public static final String NOT_IN_SYSTEM = "9999999999";
    public static final String INVALID_NHS_NUMBER = "1234567891";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private StructuredApi() {
    }

    // ---------------------------------------------------------------- request bodies (JSON)

    public static String parameters(String... parameters) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parameters) + "]}";
    }

    public static String nhsNumber(String nhsNumber) {
        return identifier("https://fhir.nhs.uk/Id/nhs-number", nhsNumber);
    }

    public static String identifier(String system, String value) {
        return "{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"" + system + "\",\"value\":\"" + value + "\"}}";
    }

    /** A top-level parameter with these parts (none: {@code {"name":"..."}}, as §2 allows). */
    public static String param(String name, String... parts) {
        return parts.length == 0 ? "{\"name\":\"" + name + "\"}"
                : "{\"name\":\"" + name + "\",\"part\":[" + String.join(",", parts) + "]}";
    }

    /** A part; {@code valueJson} is the JSON value as written, e.g. {@code true} or {@code "2019-01-01"}. */
    public static String part(String name, String valueElement, String valueJson) {
        return "{\"name\":\"" + name + "\",\"" + valueElement + "\":" + valueJson + "}";
    }

    public static String bool(String name, boolean value) {
        return part(name, "valueBoolean", Boolean.toString(value));
    }

    public static String date(String name, String value) {
        return part(name, "valueDate", "\"" + value + "\"");
    }

    public static String period(String name, String start, String end) {
        StringBuilder p = new StringBuilder("{");
        if (start != null) {
            p.append("\"start\":\"").append(start).append('"');
        }
        if (end != null) {
            p.append(start != null ? "," : "").append("\"end\":\"").append(end).append('"');
        }
        return part(name, "valuePeriod", p.append('}').toString());
    }

    public static String allergies(boolean resolved) {
        return param("includeAllergies", bool("includeResolvedAllergies", resolved));
    }

    // ---------------------------------------------------------------- calls

    /** A call as the gateway forwards it (valid internal token for the structured record interaction). */
    public static RequestSpecification caller() {
        return given().urlEncodingEnabled(false).auth().oauth2(InternalTokens.forInteraction(Interaction.STRUCTURED_RECORD))
                .contentType("application/fhir+json;charset=utf-8");
    }

    public static ValidatableResponse post(String body) {
        return caller().body(body).when().post(OPERATION).then().log().ifValidationFails();
    }

    /** A 200 response's Bundle, after the integrity checks every structured Bundle must pass. */
    public static Bundle record(String body) {
        String json = post(body).statusCode(200).header("Cache-Control", "no-store").extract().asString();
        Bundle bundle = FhirContext.forDstu3Cached().newJsonParser().parseResource(Bundle.class, json);
        BundleIntegrity.assertIntegrity(bundle);
        return bundle;
    }

    public static ValidatableResponse assertOutcome(ValidatableResponse response, int status, String spineCode) {
        return response.statusCode(status)
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].details.coding[0].system", equalTo(SPINE_CODES))
                .body("issue[0].details.coding[0].code", equalTo(spineCode));
    }

    // ---------------------------------------------------------------- reading a Bundle

    public static <R extends Resource> List<R> all(Bundle bundle, Class<R> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    public static ListResource list(Bundle bundle, String title) {
        List<ListResource> lists = all(bundle, ListResource.class).stream().filter(l -> title.equals(l.getTitle())).toList();
        if (lists.size() != 1) {
            throw new AssertionError("expected one List '" + title + "', found " + lists.size());
        }
        return lists.get(0);
    }

    public static boolean hasList(Bundle bundle, String title) {
        return all(bundle, ListResource.class).stream().anyMatch(l -> title.equals(l.getTitle()));
    }

    public static List<String> warningCodes(ListResource list) {
        return list.getExtensionsByUrl(WARNING_CODE_EXT).stream().map(e -> e.getValue().primitiveValue()).toList();
    }

    public static String note(ListResource list) {
        return list.getNote().stream().map(n -> n.getText()).collect(Collectors.joining(" "));
    }

    /** Each issue of the Bundle's warnings OperationOutcome as "details.text|diagnostics". */
    public static List<String> warnings(Bundle bundle) {
        List<OperationOutcome> outcomes = all(bundle, OperationOutcome.class);
        if (outcomes.size() > 1) {
            throw new AssertionError("more than one OperationOutcome in the Bundle");
        }
        return outcomes.isEmpty() ? List.of() : outcomes.get(0).getIssue().stream()
                .map(i -> i.getDetails().getText() + "|" + i.getDiagnostics()).toList();
    }

    /** The trace id the gateway put in an internal token (its {@code gpc_trace_id} claim). */
    public static String traceIdOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Arrays.stream(payload.split("[,{}]")).filter(s -> s.contains("\"gpc_trace_id\""))
                .map(s -> s.substring(s.indexOf(':') + 1).replace("\"", "").trim()).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- database

    public static void update(Pool pool, String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT);
    }
}
