package org.gpconnect.appointment.foundations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.foundations.FoundationsApi.BASE;
import static org.gpconnect.appointment.foundations.FoundationsApi.SD;
import static org.gpconnect.appointment.foundations.FoundationsApi.SDS_ROLE_PROFILE_ID;
import static org.gpconnect.appointment.foundations.FoundationsApi.SDS_USER_ID;
import static org.gpconnect.appointment.foundations.FoundationsApi.SEARCHSET_PROFILE;
import static org.gpconnect.appointment.foundations.FoundationsApi.as;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Practitioner search and read, direct to the service: foundations.md §9.4, the §9 search-parameter error
 * table, §4 (format, caching, ETag) and testdata/practitioners.yaml (role-profile counts 0, 1 and 2;
 * practitioner4 G99999999 must not exist; logical ids that must 404).
 */
@QuarkusTest
class PractitionerResourceTest {

    private static final String PRACTITIONERS = BASE + "/Practitioner";
    private static final String NHS_COMMUNICATION = SD + "Extension-CareConnect-GPC-NHSCommunication-1";

    @Inject
    Pool pool;

    // ---------------------------------------------------------------- search

    @Test
    void practitioner1IsFoundWithEverything94AsksFor() {
        String body = search(SDS_USER_ID + "|G13579135")
                .statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(SEARCHSET_PROFILE))
                .body("entry.size()", equalTo(1))
                .body("entry[0].fullUrl", nullValue())
                .extract().asString();
        Practitioner practitioner = (Practitioner) FoundationsApi.bundle(body).getEntryFirstRep().getResource();

        assertThat(practitioner.getIdElement().getIdPart())
                .isEqualTo(FoundationsApi.scalar(pool, "SELECT id FROM practitioner WHERE sds_user_id = 'G13579135'"));
        assertThat(practitioner.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SD + "CareConnect-GPC-Practitioner-1");
        assertThat(practitioner.getMeta().getVersionId())
                .isEqualTo(FoundationsApi.scalar(pool, "SELECT version FROM practitioner WHERE sds_user_id = 'G13579135'"));
        // exactly one SDS user id, and no role profile identifier: practitioner1 has none
        assertThat(practitioner.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SDS_USER_ID, "G13579135"));
        assertThat(practitioner.getName()).singleElement().satisfies(name -> {
            assertThat(name.getUse().toCode()).isEqualTo("official");
            assertThat(name.getFamily()).isEqualTo("Gilbert");
            assertThat(name.getGivenAsSingleString()).isEqualTo("Nichole");
            assertThat(name.getPrefixAsSingleString()).isEqualTo("Miss");
            assertThat(name.hasText()).isFalse();
        });
        assertThat(practitioner.getGender().toCode()).isEqualTo("female");
        assertThat(languages(practitioner)).containsExactly("de German", "en English");
        assertThat(practitioner.getExtensionsByUrl(NHS_COMMUNICATION)).allSatisfy(extension -> {
            Coding coding = ((CodeableConcept) extension.getExtensionByUrl("language").getValue()).getCodingFirstRep();
            assertThat(coding.getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1");
        });
        // §9.4 must not populate
        assertThat(practitioner.hasTelecom()).isFalse();
        assertThat(practitioner.hasAddress()).isFalse();
        assertThat(practitioner.hasBirthDate()).isFalse();
        assertThat(practitioner.hasPhoto()).isFalse();
        assertThat(practitioner.hasQualification()).isFalse();
        assertThat(practitioner.hasCommunication()).isFalse();
    }

    @ParameterizedTest(name = "{0} has role profiles [{1}]")
    @CsvSource(delimiter = ';', value = {"G13579135;''", "G11111116;PT1234", "G22345655;PT1122 PT1234"})
    void oneRoleProfileIdentifierPerRoleProfile(String sdsUserId, String roleProfiles) {
        Practitioner practitioner = onlyPractitioner(search(SDS_USER_ID + "|" + sdsUserId).statusCode(200).extract().asString());
        List<String> expected = roleProfiles.isEmpty() ? List.of() : List.of(roleProfiles.split(" "));
        assertThat(practitioner.getIdentifier()).filteredOn(i -> SDS_ROLE_PROFILE_ID.equals(i.getSystem()))
                .extracting(Identifier::getValue).containsExactlyElementsOf(expected);
        assertThat(practitioner.getIdentifier()).filteredOn(i -> SDS_USER_ID.equals(i.getSystem()))
                .extracting(Identifier::getValue).containsExactly(sdsUserId);
        assertThat(practitioner.getIdentifier()).hasSize(1 + expected.size());
    }

    @ParameterizedTest(name = "{0} matches nothing")
    @ValueSource(strings = {"G99999999", "unknownSDSUserID"})
    void unknownPractitionerGivesAnEmptySearchset(String sdsUserId) {
        search(SDS_USER_ID + "|" + sdsUserId)
                .statusCode(200)
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(SEARCHSET_PROFILE))
                .body("entry", nullValue());
    }

    @Test
    void noIdentifierParameterIs400BadRequest() {
        assertOutcome(as(Interaction.PRACTITIONER_SEARCH).when().get(PRACTITIONERS).then(), 400, "BAD_REQUEST");
    }

    @Test
    void parameterNamesAreCaseSensitiveSoIdentifierWithACapitalIsMissing() {
        assertOutcome(as(Interaction.PRACTITIONER_SEARCH).queryParam("Identifier", SDS_USER_ID + "|G11111116")
                .when().get(PRACTITIONERS).then(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "identifier given twice: {0}")
    @ValueSource(strings = {"G11111116", "G13579135"})
    void identifierGivenTwiceIs400BadRequest(String second) {
        assertOutcome(as(Interaction.PRACTITIONER_SEARCH)
                .queryParam("identifier", SDS_USER_ID + "|G11111116", SDS_USER_ID + "|" + second)
                .when().get(PRACTITIONERS).then(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "identifier={0}")
    @ValueSource(strings = {"G11111116", "|G11111116", SDS_USER_ID + "|"})
    void tokenWithoutSystemOrValueIs422InvalidParameter(String token) {
        assertOutcome(search(token), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest(name = "system {0}")
    @ValueSource(strings = {SDS_ROLE_PROFILE_ID, "http://fhir.nhs.net/sds-user-id", "badSystem"})
    void otherSystemIs400InvalidIdentifierSystem(String system) {
        assertOutcome(search(system + "|G11111116"), 400, "INVALID_IDENTIFIER_SYSTEM");
    }

    @Test
    void otherParametersAreIgnored() {
        as(Interaction.PRACTITIONER_SEARCH)
                .queryParam("identifier", SDS_USER_ID + "|G13579135")
                .queryParam("_sort", "practitioner.coding").queryParam("_count", "1")
                .when().get(PRACTITIONERS)
                .then().statusCode(200).body("entry.size()", equalTo(1));
    }

    @Test
    void searchIsAnsweredInXmlWhenAskedByFormat() {
        as(Interaction.PRACTITIONER_SEARCH)
                .queryParam("identifier", SDS_USER_ID + "|G11111116")
                .queryParam("_format", "application/fhir+xml")
                .when().get(PRACTITIONERS)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .parser("application/fhir+xml", Parser.XML)
                .body("Bundle.type.@value", equalTo("searchset"))
                .body("Bundle.entry.resource.Practitioner.name.family.@value", equalTo("Parsons"))
                .body("Bundle.entry.resource.Practitioner.identifier.size()", equalTo(2));
    }

    @Test
    void practiceNotServedIs404OrganisationNotFound() {
        assertOutcome(as(Interaction.PRACTITIONER_SEARCH).queryParam("identifier", SDS_USER_ID + "|G13579135")
                .when().get("/INVOC1/STU3/1/gpconnect/fhir/Practitioner").then(), 404, "ORGANISATION_NOT_FOUND");
    }

    // ---------------------------------------------------------------- read

    @Test
    void readOfAFoundPractitionerCarriesItsVersionAsETag() {
        Practitioner found = onlyPractitioner(search(SDS_USER_ID + "|G22345655").extract().asString());
        String id = found.getIdElement().getIdPart();
        String version = FoundationsApi.scalar(pool, "SELECT version FROM practitioner WHERE id = $1", id);
        String body = read(id).statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("ETag", "W/\"" + version + "\"")
                .body("resourceType", equalTo("Practitioner"))
                .body("id", equalTo(id))
                .body("meta.versionId", equalTo(version))
                .body("meta.profile[0]", equalTo(SD + "CareConnect-GPC-Practitioner-1"))
                .extract().asString();
        Practitioner read = FoundationsApi.resource(Practitioner.class, body);
        assertThat(read.getIdentifier()).extracting(Identifier::getValue).containsExactly("G22345655", "PT1122", "PT1234");
        assertThat(languages(read)).containsExactly("de German", "en English");
    }

    @Test
    void readIsAnsweredInXmlWhenAskedByFormat() {
        String id = FoundationsApi.scalar(pool, "SELECT id FROM practitioner WHERE sds_user_id = 'G13579135'");
        String version = FoundationsApi.scalar(pool, "SELECT version FROM practitioner WHERE id = $1", id);
        as(Interaction.PRACTITIONER_READ).queryParam("_format", "application/fhir+xml")
                .when().get(PRACTITIONERS + "/" + id)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .header("ETag", "W/\"" + version + "\"")
                .parser("application/fhir+xml", Parser.XML)
                .body("Practitioner.id.@value", equalTo(id))
                .body("Practitioner.identifier.value.@value", equalTo("G13579135"));
    }

    @ParameterizedTest(name = "Practitioner/{0}")
    @ValueSource(strings = {"aaBA", "1ZEc2", "z.as.dd", "1.1.22", "40-9", "nd-skdm.mks--s"})
    void unknownIdsAre404PractitionerNotFound(String id) {
        assertOutcome(read(id), 404, "PRACTITIONER_NOT_FOUND");
    }

    // ---------------------------------------------------------------- helpers

    private static ValidatableResponse search(String token) {
        return as(Interaction.PRACTITIONER_SEARCH).queryParam("identifier", token).when().get(PRACTITIONERS).then();
    }

    private static ValidatableResponse read(String id) {
        return as(Interaction.PRACTITIONER_READ).when().get(PRACTITIONERS + "/" + id).then();
    }

    private static Practitioner onlyPractitioner(String bundleJson) {
        Bundle bundle = FoundationsApi.bundle(bundleJson);
        assertThat(bundle.getEntry()).hasSize(1);
        return (Practitioner) bundle.getEntryFirstRep().getResource();
    }

    private static List<String> languages(Practitioner practitioner) {
        return practitioner.getExtensionsByUrl(NHS_COMMUNICATION).stream()
                .map((Extension e) -> ((CodeableConcept) e.getExtensionByUrl("language").getValue()).getCodingFirstRep())
                .map(c -> c.getCode() + " " + c.getDisplay())
                .toList();
    }
}
