package org.gpconnect.appointment.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/**
 * gpconnect-common's request and response handling inside a real service: foundations.md §4 (format
 * selection, request bodies, 415) and §5 (error outcomes, no internals in a 500).
 */
@QuarkusTest
class FhirPipelineTest {

    private static final String ECHO = "/PROBE1/STU3/1/gpconnect/fhir/_probe/echo";
    private static final String PATIENT_JSON = "{\"resourceType\":\"Patient\",\"id\":\"2\",\"name\":[{\"family\":\"SKELLY\"}]}";
    private static final String PATIENT_XML = "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"2\"/><name><family value=\"SKELLY\"/></name></Patient>";

    @Test
    void requestBodyDeclaredInAnotherCharsetIs415() {
        asConsumer().header("Content-Type", "application/fhir+json;charset=ISO-8859-1").body(PATIENT_JSON)
                .when().post(ECHO)
                .then().statusCode(415);
    }

    private static RequestSpecification asConsumer() {
        return given().auth().oauth2(InternalTokens.forInteraction(Interaction.REGISTER_PATIENT));
    }

    @Test
    void jsonBodyIsReadAndWritten() {
        asConsumer().header("Content-Type", "application/fhir+json;charset=utf-8").body(PATIENT_JSON)
                .when().post(ECHO)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .body("name[0].family", equalTo("SKELLY"));
    }

    @Test
    void xmlBodyIsAnsweredInXmlWhenNothingElseIsAsked() {
        asConsumer().header("Content-Type", "application/fhir+xml;charset=utf-8").body(PATIENT_XML)
                .when().post(ECHO)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .body(startsWith("<Patient xmlns=\"http://hl7.org/fhir\">"));
    }

    @Test
    void acceptOverridesTheBodysFormat() {
        asConsumer().header("Content-Type", "application/fhir+xml;charset=utf-8").header("Accept", "application/fhir+json")
                .body(PATIENT_XML)
                .when().post(ECHO)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8");
    }

    @Test
    void malformedJsonIs400BadRequest() {
        asConsumer().header("Content-Type", "application/fhir+json;charset=utf-8").body("{\"resourceType\":\"Patient\",")
                .when().post(ECHO)
                .then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
    }

    @Test
    void xmlWithAnEntityDeclarationIs400() {
        asConsumer().header("Content-Type", "application/fhir+xml;charset=utf-8")
                .body("<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"&e;\"/></Patient>")
                .when().post(ECHO)
                .then().statusCode(400)
                .body(not(containsString("root:")));
    }

    @Test
    void unknownElementIs422InvalidResource() {
        asConsumer().header("Content-Type", "application/fhir+json;charset=utf-8")
                .body("{\"resourceType\":\"Patient\",\"favouriteColour\":\"blue\"}")
                .when().post(ECHO)
                .then().statusCode(422)
                .body("issue[0].details.coding[0].code", equalTo("INVALID_RESOURCE"))
                .body("issue[0].diagnostics", containsString("favouriteColour"));
    }

    @Test
    void wrongResourceTypeIs422InvalidResource() {
        asConsumer().header("Content-Type", "application/fhir+json;charset=utf-8")
                .body("{\"resourceType\":\"Appointment\",\"status\":\"booked\"}")
                .when().post(ECHO)
                .then().statusCode(422)
                .body("issue[0].details.coding[0].code", equalTo("INVALID_RESOURCE"));
    }

    @Test
    void bodyWithoutContentTypeIs415() {
        asConsumer().body(PATIENT_JSON.getBytes())
                .when().post(ECHO)
                .then().statusCode(415)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void bodyOfAnotherMediaTypeIs415() {
        asConsumer().header("Content-Type", "text/plain").body(PATIENT_JSON)
                .when().post(ECHO)
                .then().statusCode(415)
                .body("issue[0].code", equalTo("not-supported"));
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        asConsumer().when().get("/PROBE1/STU3/1/gpconnect/fhir/_probe/bug")
                .then().statusCode(500)
                .header("Cache-Control", "no-store")
                .body("issue[0].details.coding[0].code", equalTo("INTERNAL_SERVER_ERROR"))
                .body("issue[0].diagnostics", not(containsString("secret")))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.example")));
    }

    @Test
    void errorsOnADstu2RootAreDstu2Outcomes() {
        asConsumer().when().get("/PROBE1/DSTU2/1/gpconnect/fhir/_probe/not-found")
                .then().statusCode(404)
                .parser("application/json+fhir", io.restassured.parsing.Parser.JSON)
                .header("Content-Type", "application/json+fhir;charset=utf-8")
                .body("meta.profile[0]", equalTo("http://fhir.nhs.net/StructureDefinition/gpconnect-operationoutcome-1"))
                .body("issue[0].details.coding[0].system", equalTo("http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1"))
                .body("issue[0].details.coding[0].code", equalTo("PATIENT_NOT_FOUND"));
    }
}
