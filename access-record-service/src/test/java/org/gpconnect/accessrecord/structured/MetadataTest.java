package org.gpconnect.accessrecord.structured;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;

/** The structured CapabilityStatement (access-record-structured.md §12). */
@QuarkusTest
class MetadataTest {

    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    @Test
    void capabilityStatementNamesTheOperationAndTheProfilesReturned() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.STRUCTURED_METADATA_READ))
                .when().get(StructuredApi.BASE + "/metadata")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("version", equalTo("1.6.2"))
                .body("name", equalTo("GP Connect API - Access Record Structured"))
                .body("kind", equalTo("capability"))
                .body("fhirVersion", equalTo("3.0.1"))
                .body("acceptUnknown", equalTo("both"))
                .body("format", hasItems("application/fhir+json", "application/fhir+xml"))
                .body("software.name", equalTo("gpconnect-provider-suite access-record-service"))
                .body("rest[0].mode", equalTo("server"))
                .body("rest[0].security.cors", equalTo(true))
                .body("rest[0].operation.name", equalTo(java.util.List.of("gpc.getstructuredrecord")))
                .body("rest[0].operation[0].definition.reference",
                        equalTo("https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-GetStructuredRecord-Operation-1/_history/1.16"))
                .body("profile.reference", hasItems(SD + "CareConnect-GPC-Patient-1/_history/1.8",
                        SD + "CareConnect-GPC-AllergyIntolerance-1/_history/1.7",
                        SD + "CareConnect-GPC-MedicationStatement-1/_history/1.7",
                        SD + "CareConnect-GPC-MedicationRequest-1/_history/1.6",
                        SD + "CareConnect-GPC-Medication-1/_history/1.2",
                        SD + "CareConnect-GPC-List-1/_history/1.7",
                        SD + "GPConnect-StructuredRecord-Bundle-1/_history/1.3",
                        SD + "CareConnect-GPC-Immunization-1/_history/1.5",
                        SD + "CareConnect-GPC-Observation-1/_history/1.7",
                        SD + "CareConnect-GPC-ProblemHeader-Condition-1/_history/1.7",
                        SD + "CareConnect-GPC-DiagnosticReport-1/_history/1.3",
                        SD + "CareConnect-GPC-Specimen-1/_history/1.3",
                        SD + "CareConnect-GPC-ProcedureRequest-1/_history/1.4",
                        SD + "CareConnect-GPC-ReferralRequest-1/_history/1.2",
                        // consultations, and documents inside consultations, problems and referrals (§8)
                        SD + "CareConnect-GPC-Encounter-1/_history/1.5",
                        SD + "CareConnect-GPC-DocumentReference-1/_history/1.3"));
    }

    @Test
    void xmlAndGzip() {
        given().auth().oauth2(InternalTokens.forInteraction(Interaction.STRUCTURED_METADATA_READ))
                .header("Accept", "application/fhir+xml").header("Accept-Encoding", "gzip")
                .when().get(StructuredApi.BASE + "/metadata")
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .header("Content-Encoding", "gzip");
    }
}
