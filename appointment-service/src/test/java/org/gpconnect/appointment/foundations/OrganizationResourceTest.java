package org.gpconnect.appointment.foundations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.foundations.FoundationsApi.BASE;
import static org.gpconnect.appointment.foundations.FoundationsApi.LEGACY_ODS_ORGANIZATION_CODE;
import static org.gpconnect.appointment.foundations.FoundationsApi.ODS_ORGANIZATION_CODE;
import static org.gpconnect.appointment.foundations.FoundationsApi.SD;
import static org.gpconnect.appointment.foundations.FoundationsApi.SEARCHSET_PROFILE;
import static org.gpconnect.appointment.foundations.FoundationsApi.as;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Organization search and read, direct to the service: foundations.md §9.3, the §9 search-parameter error
 * table, §4 (format, caching, ETag) and testdata/organisations.yaml (ORG1 B82617 exactly once, ORG2 R1A14
 * twice in the reference data, unknownORG INVOC1 never).
 */
@QuarkusTest
class OrganizationResourceTest {

    private static final String ORGANIZATIONS = BASE + "/Organization";

    @Inject
    Pool pool;

    // ---------------------------------------------------------------- search

    @Test
    void thePracticeIsFoundExactlyOnceWithIdentifierNameTelecomAndAddress() {
        String body = search(ODS_ORGANIZATION_CODE + "|B82617")
                .statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(SEARCHSET_PROFILE))
                .body("entry.size()", equalTo(1))
                .body("entry[0].fullUrl", nullValue())
                .extract().asString();
        Organization organization = (Organization) FoundationsApi.bundle(body).getEntryFirstRep().getResource();

        assertThat(organization.getIdElement().getIdPart())
                .isEqualTo(FoundationsApi.scalar(pool, "SELECT id FROM organization WHERE ods_code = 'B82617'"));
        assertThat(organization.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SD + "CareConnect-GPC-Organization-1");
        assertThat(organization.getMeta().getVersionId())
                .isEqualTo(FoundationsApi.scalar(pool, "SELECT version FROM organization WHERE ods_code = 'B82617'"));
        assertThat(organization.getIdentifier()).singleElement().satisfies(identifier -> {
            assertThat(identifier.getSystem()).isEqualTo(ODS_ORGANIZATION_CODE);
            assertThat(identifier.getValue()).isEqualTo("B82617");
        });
        assertThat(organization.getName()).isEqualTo("COXWOLD SURGERY");
        assertThat(organization.getTelecom()).singleElement().satisfies(telecom -> {
            assertThat(telecom.getSystem().toCode()).isEqualTo("phone");
            assertThat(telecom.getValue()).isEqualTo("0300 303 5678");
        });
        assertThat(organization.getAddress()).singleElement().satisfies(address -> {
            assertThat(address.getLine()).extracting(l -> l.getValue()).containsExactly("NHS NPFIT Test Data Manager");
            assertThat(address.getCity()).isEqualTo("Princes Exchange");
            assertThat(address.getPostalCode()).isEqualTo("LS1 4HY");
        });
        // §9.3 must not populate
        assertThat(organization.hasContact()).isFalse();
        assertThat(organization.hasEndpoint()).isFalse();
    }

    @Test
    void theLegacyOdsSystemIsAccepted() {
        search(LEGACY_ODS_ORGANIZATION_CODE + "|B82617")
                .statusCode(200)
                .body("entry.size()", equalTo(1))
                .body("entry[0].resource.identifier[0].system", equalTo(ODS_ORGANIZATION_CODE));
    }

    @Test
    void everyOrganisationWithTheCodeIsReturned() {
        // R1A14 is held twice in the reference data; without contact data there is no telecom or address
        String body = search(ODS_ORGANIZATION_CODE + "|R1A14").statusCode(200).extract().asString();
        Bundle bundle = FoundationsApi.bundle(body);
        assertThat(bundle.getEntry()).extracting(e -> ((Organization) e.getResource()).getName())
                .containsExactly("Test GP Care Trust", "The Hockey Surgery");
        assertThat(bundle.getEntry()).allSatisfy(e -> {
            Organization organization = (Organization) e.getResource();
            assertThat(organization.getIdentifierFirstRep().getValue()).isEqualTo("R1A14");
            assertThat(organization.hasTelecom()).isFalse();
            assertThat(organization.hasAddress()).isFalse();
            assertThat(organization.getMeta().getVersionId()).isNotBlank();
        });
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactlyInAnyOrder(FoundationsApi.scalar(pool, "SELECT min(id) FROM organization WHERE ods_code = 'R1A14'"),
                        FoundationsApi.scalar(pool, "SELECT max(id) FROM organization WHERE ods_code = 'R1A14'"));
    }

    @ParameterizedTest(name = "{0} matches nothing")
    @ValueSource(strings = {"INVOC1", "X12345"})
    void unknownOrganisationGivesAnEmptySearchset(String odsCode) {
        search(ODS_ORGANIZATION_CODE + "|" + odsCode)
                .statusCode(200)
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(SEARCHSET_PROFILE))
                .body("entry", nullValue());
    }

    @Test
    void noIdentifierParameterIs400BadRequest() {
        assertOutcome(as(Interaction.ORGANIZATION_SEARCH).when().get(ORGANIZATIONS).then(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "parameter {0}")
    @ValueSource(strings = {"Identifier", "idenddstifier", "identifiers"})
    void misspeltParameterNameIs400BadRequest(String name) {
        assertOutcome(as(Interaction.ORGANIZATION_SEARCH).queryParam(name, ODS_ORGANIZATION_CODE + "|B82617")
                .when().get(ORGANIZATIONS).then(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "identifier given twice, first system {0}")
    @ValueSource(strings = {ODS_ORGANIZATION_CODE, "badSystem"})
    void identifierGivenTwiceIs400BadRequest(String firstSystem) {
        assertOutcome(as(Interaction.ORGANIZATION_SEARCH)
                .queryParam("identifier", firstSystem + "|B82617", ODS_ORGANIZATION_CODE + "|B82617")
                .when().get(ORGANIZATIONS).then(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "identifier={0}")
    @ValueSource(strings = {"B82617", "|B82617", ODS_ORGANIZATION_CODE + "|"})
    void tokenWithoutSystemOrValueIs422InvalidParameter(String token) {
        assertOutcome(search(token), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest(name = "system {0}")
    @ValueSource(strings = {"https://fhir.nhs.uk/Id/ods-site-code", "https://fhir.nhs.uk/Id/nhs-number", "badSystem"})
    void otherSystemIs400InvalidIdentifierSystem(String system) {
        assertOutcome(search(system + "|B82617"), 400, "INVALID_IDENTIFIER_SYSTEM");
    }

    @ParameterizedTest(name = "ODS code ''{0}''")
    @ValueSource(strings = {"b82617", "B8", "B82617!", "B82 617", "ABCDEFGHIJK"})
    void malformedOdsCodeIs400InvalidIdentifierValue(String value) {
        assertOutcome(search(ODS_ORGANIZATION_CODE + "|" + value), 400, "INVALID_IDENTIFIER_VALUE");
    }

    @Test
    void otherParametersAreIgnored() {
        as(Interaction.ORGANIZATION_SEARCH)
                .queryParam("incorrectParameter", "incorrectParameter")
                .queryParam("identifier", ODS_ORGANIZATION_CODE + "|B82617")
                .queryParam("_count", "1")
                .when().get(ORGANIZATIONS)
                .then().statusCode(200).body("entry.size()", equalTo(1));
    }

    @Test
    void searchIsAnsweredInXmlWhenAskedByFormat() {
        as(Interaction.ORGANIZATION_SEARCH)
                .queryParam("identifier", ODS_ORGANIZATION_CODE + "|B82617")
                .queryParam("_format", "application/fhir+xml")
                .when().get(ORGANIZATIONS)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .parser("application/fhir+xml", Parser.XML)
                .body("Bundle.type.@value", equalTo("searchset"))
                .body("Bundle.entry.resource.Organization.identifier.value.@value", equalTo("B82617"))
                .body("Bundle.entry.resource.Organization.name.@value", equalTo("COXWOLD SURGERY"));
    }

    @Test
    void practiceNotServedIs404OrganisationNotFound() {
        assertOutcome(as(Interaction.ORGANIZATION_SEARCH).queryParam("identifier", ODS_ORGANIZATION_CODE + "|B82617")
                .when().get("/INVOC1/STU3/1/gpconnect/fhir/Organization").then(), 404, "ORGANISATION_NOT_FOUND");
    }

    // ---------------------------------------------------------------- read

    @Test
    void readOfAFoundOrganisationCarriesItsVersionAsETag() {
        String id = FoundationsApi.bundle(search(ODS_ORGANIZATION_CODE + "|B82617").extract().asString())
                .getEntryFirstRep().getResource().getIdElement().getIdPart();
        String version = FoundationsApi.scalar(pool, "SELECT version FROM organization WHERE id = $1", id);
        read(id).statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("ETag", "W/\"" + version + "\"")
                .body("resourceType", equalTo("Organization"))
                .body("id", equalTo(id))
                .body("meta.versionId", equalTo(version))
                .body("meta.profile", contains(SD + "CareConnect-GPC-Organization-1"))
                .body("identifier[0].value", equalTo("B82617"));
    }

    @Test
    void readIsAnsweredInXmlWhenAskedByFormat() {
        String id = FoundationsApi.scalar(pool, "SELECT id FROM organization WHERE ods_code = 'B82617'");
        String version = FoundationsApi.scalar(pool, "SELECT version FROM organization WHERE id = $1", id);
        as(Interaction.ORGANIZATION_READ).queryParam("_format", "application/fhir+xml")
                .when().get(ORGANIZATIONS + "/" + id)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .header("ETag", "W/\"" + version + "\"")
                .parser("application/fhir+xml", Parser.XML)
                .body("Organization.id.@value", equalTo(id))
                .body("Organization.meta.versionId.@value", equalTo(version));
    }

    @ParameterizedTest(name = "Organization/{0}")
    @ValueSource(strings = {"ddBm", "1Zcr4", "z.as.e", "1.1445.23", "40-9223", "nc-sfem.mks--s"})
    void unknownIdsAre404OrganisationNotFound(String id) {
        assertOutcome(read(id), 404, "ORGANISATION_NOT_FOUND");
    }

    // ---------------------------------------------------------------- helpers

    private static ValidatableResponse search(String token) {
        return as(Interaction.ORGANIZATION_SEARCH).queryParam("identifier", token).when().get(ORGANIZATIONS).then();
    }

    private static ValidatableResponse read(String id) {
        return as(Interaction.ORGANIZATION_READ).when().get(ORGANIZATIONS + "/" + id).then();
    }
}
