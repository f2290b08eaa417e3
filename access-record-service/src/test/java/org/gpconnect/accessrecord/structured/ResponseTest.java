package org.gpconnect.accessrecord.structured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.Test;

/** The response as a whole (access-record-structured.md §1, §4): Bundle id, formats, headers, integrity. */
@QuarkusTest
class ResponseTest {

    @Test
    void bundleIdIsTheTraceIdAndThePatientIsNamedForAudit() {
        String token = InternalTokens.forInteraction(Interaction.STRUCTURED_RECORD);
        given().urlEncodingEnabled(false).auth().oauth2(token).contentType("application/fhir+json;charset=utf-8")
                .body(parameters(nhsNumber(PATIENT2), allergies(true)))
                .when().post(OPERATION).then().statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-GPC-Audit-NHS-Number", PATIENT2)
                .body("resourceType", equalTo("Bundle"))
                .body("id", equalTo(traceIdOf(token)))
                .body("type", equalTo("collection"));
    }

    @Test
    void xmlWhenAskedFor() {
        String xml = caller().accept("application/fhir+xml").body(parameters(nhsNumber(PATIENT2), allergies(true), param("includeMedication")))
                .when().post(OPERATION).then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .body(startsWith("<Bundle xmlns=\"http://hl7.org/fhir\">"))
                .extract().asString();
        Bundle bundle = FhirContext.forDstu3Cached().newXmlParser().parseResource(Bundle.class, xml);
        BundleIntegrity.assertIntegrity(bundle);
        assertThat(list(bundle, "Ended allergies").getContained()).hasSize(1);
    }

    @Test
    void xmlRequestBody() {
        String body = "<Parameters xmlns=\"http://hl7.org/fhir\">"
                + "<parameter><name value=\"patientNHSNumber\"/><valueIdentifier><system value=\"https://fhir.nhs.uk/Id/nhs-number\"/>"
                + "<value value=\"" + PATIENT2 + "\"/></valueIdentifier></parameter>"
                + "<parameter><name value=\"includeAllergies\"/><part><name value=\"includeResolvedAllergies\"/><valueBoolean value=\"true\"/></part></parameter>"
                + "</Parameters>";
        caller().contentType("application/fhir+xml;charset=utf-8").body(body).when().post(OPERATION).then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8");
    }

    @Test
    void gzipWhenAccepted() {
        caller().header("Accept-Encoding", "gzip").body(parameters(nhsNumber(PATIENT2), param("includeMedication")))
                .when().post(OPERATION).then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void everyRetrievablePatientOfTheDatasetGivesAnIntactBundle() {
        // each patient of clinical.yaml with every area (implemented or switched off): every reference resolves once
        List<String> patients = List.of(PATIENT1, PATIENT2, PATIENT3, PATIENT4, PATIENT5, "9690937383", "9690937391", "9690937405",
                "9690938622", PATIENT12, PATIENT13, PATIENT14, PATIENT16, PATIENT17, "9690938134");
        for (String nhs : patients) {
            Bundle bundle = record(parameters(nhsNumber(nhs), allergies(true), param("includeMedication"), param("includeConsultations"),
                    param("includeProblems"), param("includeImmunisations"), param("includeUncategorisedData"),
                    param("includeInvestigations"), param("includeReferrals"), param("includeDiaryEntries")));
            assertThat(bundle.getIdElement().getIdPart()).as(nhs).isNotBlank();
            assertThat(hasList(bundle, "Medications and medical devices")).as(nhs).isTrue();
            assertThat(hasList(bundle, "Allergies and adverse reactions")).as(nhs).isTrue();
        }
    }

    @Test
    void operationOnlyAcceptsPost() {
        assertOutcome(caller().when().get(OPERATION).then(), 400, "BAD_REQUEST");
    }
}
