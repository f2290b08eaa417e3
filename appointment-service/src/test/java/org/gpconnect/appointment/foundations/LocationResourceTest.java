package org.gpconnect.appointment.foundations;

import static org.gpconnect.appointment.foundations.FoundationsApi.BASE;
import static org.gpconnect.appointment.foundations.FoundationsApi.ODS_ORGANIZATION_CODE;
import static org.gpconnect.appointment.foundations.FoundationsApi.ODS_SITE_CODE;
import static org.gpconnect.appointment.foundations.FoundationsApi.SD;
import static org.gpconnect.appointment.foundations.FoundationsApi.as;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Location read, direct to the service: foundations.md §9.5, §4 (format, caching, ETag) and
 * testdata/locations.yaml (fixed logical ids 1, 8 and 3 for sites SIT1-SIT3; ids such as mfpBm must 404).
 */
@QuarkusTest
class LocationResourceTest {

    private static final String LOCATIONS = BASE + "/Location";

    @Inject
    Pool pool;

    @ParameterizedTest(name = "Location/{0} is site {1}")
    @CsvSource({
            "1, Z26556, Building A, active, Pudsey, GPC001",
            "8, Z33432, Building 8, active, Beeston, R1A17",
            "3, Z33433, Building C, suspended, Farsley, R1A14"})
    void fixedLocationsAreReadWithTheirSiteCodeAndETag(String id, String siteCode, String name, String status,
                                                       String city, String managingOds) {
        String version = FoundationsApi.scalar(pool, "SELECT version FROM location WHERE id = $1", id);
        String managingOrganization = read(id).statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("ETag", "W/\"" + version + "\"")
                .body("resourceType", equalTo("Location"))
                .body("id", equalTo(id))
                .body("meta.versionId", equalTo(version))
                .body("meta.profile", contains(SD + "CareConnect-GPC-Location-1"))
                .body("identifier.size()", equalTo(1))
                .body("identifier[0].system", equalTo(ODS_SITE_CODE))
                .body("identifier[0].value", equalTo(siteCode))
                .body("name", equalTo(name))
                .body("status", equalTo(status))
                .body("address.city", equalTo(city))
                .body("address.district", equalTo("Leeds"))
                .body("endpoint", nullValue())
                .body("managingOrganization.reference", startsWith("Organization/"))
                .extract().path("managingOrganization.reference");

        // the managing organisation is a readable Organization with the dataset's ODS code
        as(Interaction.ORGANIZATION_READ).when().get(BASE + "/" + managingOrganization)
                .then().statusCode(200)
                .body("identifier[0].system", equalTo(ODS_ORGANIZATION_CODE))
                .body("identifier[0].value", equalTo(managingOds));
    }

    @Test
    void theETagFollowsTheRowsVersion() {
        FoundationsApi.update(pool, "UPDATE location SET version = version + 1 WHERE id = '8'");
        try {
            String version = FoundationsApi.scalar(pool, "SELECT version FROM location WHERE id = '8'");
            read("8").statusCode(200).header("ETag", "W/\"" + version + "\"").body("meta.versionId", equalTo(version));
        } finally {
            FoundationsApi.update(pool, "UPDATE location SET version = version - 1 WHERE id = '8'");
        }
    }

    @Test
    void readIsAnsweredInXmlWhenAskedByFormat() {
        String version = FoundationsApi.scalar(pool, "SELECT version FROM location WHERE id = '1'");
        as(Interaction.LOCATION_READ).queryParam("_format", "application/fhir+xml")
                .when().get(LOCATIONS + "/1")
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .header("ETag", "W/\"" + version + "\"")
                .parser("application/fhir+xml", Parser.XML)
                .body("Location.id.@value", equalTo("1"))
                .body("Location.identifier.value.@value", equalTo("Z26556"))
                .body("Location.address.line.@value", equalTo("23 Main Street"));
    }

    @ParameterizedTest(name = "Location/{0}")
    @ValueSource(strings = {"mfpBm", "231Zcr64", "th.as.e", "5"})
    void unknownIdsAre404NoRecordFound(String id) {
        assertOutcome(read(id), 404, "NO_RECORD_FOUND");
    }

    @Test
    void practiceNotServedIs404OrganisationNotFound() {
        assertOutcome(as(Interaction.LOCATION_READ).when().get("/INVOC1/STU3/1/gpconnect/fhir/Location/1").then(),
                404, "ORGANISATION_NOT_FOUND");
    }

    private static ValidatableResponse read(String id) {
        return as(Interaction.LOCATION_READ).when().get(LOCATIONS + "/" + id).then();
    }
}
