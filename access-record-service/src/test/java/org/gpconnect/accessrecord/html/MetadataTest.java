package org.gpconnect.accessrecord.html;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.html.CareRecordApi.*;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.dstu2.resource.Conformance;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.gpconnect.accessrecord.structured.StructuredApi;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/** {@code GET [HTML base]/metadata}: the DSTU2 Conformance of access-record-html.md §1. */
@QuarkusTest
class MetadataTest {

    @Inject
    Pool pool;

    @Test
    void conformanceDescribesTheOperationInJsonByDefault() {
        String json = given().auth().oauth2(InternalTokens.forInteraction(Interaction.HTML_METADATA_READ))
                .when().get(BASE + "/metadata")
                .then().statusCode(200).header("Cache-Control", "no-store").header("Content-Type", JSON + ";charset=utf-8")
                .extract().asString();
        Conformance conformance = FhirContext.forDstu2Cached().newJsonParser().parseResource(Conformance.class, json);
        assertThat(conformance.getFhirVersion()).isEqualTo("1.0.2");
        assertThat(conformance.getFormat()).extracting(f -> f.getValue()).containsExactly("application/json+fhir", "application/xml+fhir");
        assertThat(conformance.getRest()).hasSize(1);
        assertThat(conformance.getRestFirstRep().getMode()).isEqualTo("server");
        assertThat(conformance.getRestFirstRep().getOperation()).extracting(o -> o.getName()).containsExactly("gpc.getcarerecord");
        assertThat(conformance.getRestFirstRep().getOperationFirstRep().getDefinition().getReference().getValue())
                .isEqualTo("http://fhir.nhs.net/OperationDefinition/gpconnect-carerecord-operation-1");
        assertThat(conformance.getSoftware().getName()).isEqualTo("gpconnect-provider-suite access-record-service");
        assertThat(conformance.getVersion()).isEqualTo("0.7.4");
    }

    @Test
    void xmlWhenAskedFor() {
        String xml = given().auth().oauth2(InternalTokens.forInteraction(Interaction.HTML_METADATA_READ)).accept(XML)
                .when().get(BASE + "/metadata")
                .then().statusCode(200).header("Content-Type", XML + ";charset=utf-8").extract().asString();
        assertThat(FhirContext.forDstu2Cached().newXmlParser().parseResource(Conformance.class, xml).getFhirVersion()).isEqualTo("1.0.2");
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.HTML_METADATA_READ)).queryParam("_format", "xml")
                .when().get(BASE + "/metadata").then().statusCode(200).header("Content-Type", XML + ";charset=utf-8");
    }

    @Test
    void accessDeniedWhereHtmlIsOff() {
        StructuredApi.update(pool, "UPDATE practice SET html_enabled = false WHERE ods_code = 'B82617'");
        try {
            assertOutcome(given().auth().oauth2(InternalTokens.forInteraction(Interaction.HTML_METADATA_READ))
                    .when().get(BASE + "/metadata").then(), 403, "ACCESS DENIED");
        } finally {
            StructuredApi.update(pool, "UPDATE practice SET html_enabled = true WHERE ods_code = 'B82617'");
        }
    }

    @Test
    void needsAToken() {
        given().when().get(BASE + "/metadata").then().statusCode(401);
    }
}
