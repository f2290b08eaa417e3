package org.gpconnect.appointment.foundations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/** foundations.md §8 (CapabilityStatement), §4 (content negotiation, caching) and §5 (errors), direct to the service. */
@QuarkusTest
class MetadataResourceTest {

    private static final String METADATA = "/B82617/STU3/1/gpconnect/fhir/metadata";

    @Test
    void capabilityStatementInJsonByDefault() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .when().get(METADATA)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("version", equalTo("1.2.9"))
                .body("name", equalTo("GP Connect"))
                .body("status", equalTo("active"))
                .body("kind", equalTo("capability"))
                .body("fhirVersion", equalTo("3.0.1"))
                .body("acceptUnknown", equalTo("both"))
                .body("format", hasItems("application/fhir+json", "application/fhir+xml"))
                .body("rest[0].mode", equalTo("server"))
                .body("rest[0].security.cors", equalTo(true));
    }

    @Test
    void foundationsResourcesAreListedWithTheirInteractions() {
        // foundations.md §8: Patient, Organization and Practitioner read + search-type on identifier; Location read
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .when().get(METADATA)
                .then().statusCode(200)
                .body("rest[0].resource.type", hasItems("Patient", "Organization", "Practitioner", "Location"))
                .body("rest[0].resource.find { it.type == 'Patient' }.interaction.code", containsInAnyOrder("read", "search-type"))
                .body("rest[0].resource.find { it.type == 'Patient' }.searchParam.name", contains("identifier"))
                .body("rest[0].resource.find { it.type == 'Patient' }.searchParam.type", contains("token"))
                .body("rest[0].resource.find { it.type == 'Organization' }.interaction.code", containsInAnyOrder("read", "search-type"))
                .body("rest[0].resource.find { it.type == 'Organization' }.searchParam.name", contains("identifier"))
                .body("rest[0].resource.find { it.type == 'Practitioner' }.interaction.code", containsInAnyOrder("read", "search-type"))
                .body("rest[0].resource.find { it.type == 'Practitioner' }.searchParam.name", contains("identifier"))
                .body("rest[0].resource.find { it.type == 'Location' }.interaction.code", contains("read"));
    }

    @Test
    void xmlWhenAskedByFormatParameter() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .queryParam("_format", "application/fhir+xml")
                .header("Accept", "application/fhir+json")
                .when().get(METADATA)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .body(startsWith("<CapabilityStatement xmlns=\"http://hl7.org/fhir\">"));
    }

    @Test
    void xmlWhenAskedByAccept() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .header("Accept", "application/fhir+xml")
                .when().get(METADATA)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8");
    }

    @Test
    void unsupportedAcceptIs415WithAnOperationOutcome() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .header("Accept", "text/html")
                .when().get(METADATA)
                .then().statusCode(415)
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
    }

    @Test
    void gzipWhenAccepted() {
        // keep rest-assured from decoding (and so removing Content-Encoding) to see what the server sent
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .header("Accept-Encoding", "gzip")
                .when().get(METADATA)
                .then().statusCode(200)
                .header("Content-Encoding", "gzip");
    }

    @Test
    void practiceNotServedIs404() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .when().get("/INVOC1/STU3/1/gpconnect/fhir/metadata")
                .then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("meta.profile[0]", equalTo("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1"))
                .body("issue[0].details.coding[0].system", equalTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1"))
                .body("issue[0].details.coding[0].code", equalTo("ORGANISATION_NOT_FOUND"));
    }

    @Test
    void unknownPathIsAnOperationOutcomeNotAContainerPage() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .when().get("/B82617/STU3/1/gpconnect/fhir/metadatas")
                .then().statusCode(404)
                .header("Content-Type", containsString("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void wrongVerbIsBadRequest() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.METADATA_READ))
                .header("Content-Type", "application/fhir+json;charset=utf-8").body("{\"resourceType\":\"Patient\"}")
                .when().post(METADATA)
                .then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("BAD_REQUEST"));
    }
}
