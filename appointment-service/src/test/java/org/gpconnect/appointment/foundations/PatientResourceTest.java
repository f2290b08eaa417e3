package org.gpconnect.appointment.foundations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.foundations.FoundationsApi.BASE;
import static org.gpconnect.appointment.foundations.FoundationsApi.NHS_NUMBER;
import static org.gpconnect.appointment.foundations.FoundationsApi.SD;
import static org.gpconnect.appointment.foundations.FoundationsApi.SEARCHSET_PROFILE;
import static org.gpconnect.appointment.foundations.FoundationsApi.as;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Patient search and read, direct to the service: foundations.md §9.1 (who is disclosed, what a Patient
 * holds), the §9 search-parameter error table, §4 (format, caching, ETag) and the special patients of
 * testdata/patients.yaml.
 */
@QuarkusTest
class PatientResourceTest {

    private static final String PATIENTS = BASE + "/Patient";
    private static final String REGISTRATION_DETAILS = SD + "Extension-CareConnect-GPC-RegistrationDetails-1";

    @Inject
    Pool pool;

    // ---------------------------------------------------------------- search: the special patients

    @Test
    void patient1IsFoundWithEverything91AsksFor() {
        String body = search(NHS_NUMBER + "|9690937278")
                .statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(SEARCHSET_PROFILE))
                .body("entry.size()", equalTo(1))
                .body("entry[0].fullUrl", nullValue())
                .extract().asString();
        Patient patient = (Patient) FoundationsApi.bundle(body).getEntryFirstRep().getResource();

        assertThat(patient.getIdElement().getIdPart()).isEqualTo(idOf("9690937278"));
        assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SD + "CareConnect-GPC-Patient-1");
        assertThat(patient.getMeta().getVersionId()).isEqualTo(versionOf("9690937278"));

        assertThat(patient.getIdentifier()).singleElement().satisfies(identifier -> {
            assertThat(identifier.getSystem()).isEqualTo(NHS_NUMBER);
            assertThat(identifier.getValue()).isEqualTo("9690937278");
            Extension status = identifier.getExtensionByUrl(SD + "Extension-CareConnect-GPC-NHSNumberVerificationStatus-1");
            CodeableConcept code = (CodeableConcept) status.getValue();
            assertThat(code.getCodingFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1");
            assertThat(code.getCodingFirstRep().getCode()).isEqualTo("01");
            assertThat(code.getCodingFirstRep().getDisplay()).isEqualTo("Number present and verified");
        });
        assertThat(patient.getName()).singleElement().satisfies(name -> {
            assertThat(name.getUse().toCode()).isEqualTo("official");
            assertThat(name.getFamily()).isEqualTo("SAMUAL");
            assertThat(name.getGivenAsSingleString()).isEqualTo("Lucien");
            assertThat(name.getPrefixAsSingleString()).isEqualTo("MR");
        });
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1938-12-11");
        assertThat(patient.getGender().toCode()).isEqualTo("male");
        assertThat(patient.getAddress()).singleElement().satisfies(address -> {
            assertThat(address.getUse().toCode()).isEqualTo("home");
            assertThat(address.getLine()).extracting(l -> l.getValue())
                    .containsExactly("268 PIPER KNOWLE ROAD", "STOCKTON-ON-TEES", "CLEVELAND");
            assertThat(address.getPostalCode()).isEqualTo("TS19 8JP");
        });
        assertThat(patient.getTelecom()).singleElement().satisfies(telecom -> {
            assertThat(telecom.getSystem()).isEqualTo(ContactPoint.ContactPointSystem.PHONE);
            assertThat(telecom.getUse()).isEqualTo(ContactPoint.ContactPointUse.HOME);
            assertThat(telecom.getValue()).isEqualTo("01454587554");
        });
        // the Organization of the practice addressed by the URL, and the patient's GP (practitioner1)
        assertThat(patient.getManagingOrganization().getReference())
                .isEqualTo("Organization/" + FoundationsApi.scalar(pool, "SELECT organization_id FROM practice WHERE ods_code = 'B82617'"));
        assertThat(patient.getGeneralPractitioner()).extracting(Reference::getReference)
                .containsExactly("Practitioner/" + FoundationsApi.scalar(pool, "SELECT id FROM practitioner WHERE sds_user_id = 'G13579135'"));

        Extension registration = patient.getExtensionByUrl(REGISTRATION_DETAILS);
        Period period = (Period) registration.getExtensionByUrl("registrationPeriod").getValue();
        assertThat(period.getStartElement().getValueAsString()).isEqualTo("1962-07-13");
        assertThat(period.hasEnd()).isFalse();
        CodeableConcept type = (CodeableConcept) registration.getExtensionByUrl("registrationType").getValue();
        assertThat(type.getCodingFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1");
        assertThat(type.getCodingFirstRep().getCode()).isEqualTo("R");
        assertThat(type.getCodingFirstRep().getDisplay()).isEqualTo("Regular");
        CodeableConcept status = (CodeableConcept) registration.getExtensionByUrl("registrationStatus").getValue();
        assertThat(status.getCodingFirstRep().getCode()).isEqualTo("A");
        assertThat(((Reference) registration.getExtensionByUrl("preferredBranchSurgery").getValue()).getReference())
                .isEqualTo("Location/1");

        // §9.1 "must not populate", and never deceased (deceased patients are not disclosed at all)
        assertThat(patient.hasMaritalStatus()).isFalse();
        assertThat(patient.hasMultipleBirth()).isFalse();
        assertThat(patient.hasDeceased()).isFalse();
        assertThat(patient.hasPhoto()).isFalse();
        assertThat(patient.hasLink()).isFalse();
        assertThat(patient.hasText()).isFalse();
        assertThat(patient.getExtension()).extracting(Extension::getUrl).containsExactly(REGISTRATION_DETAILS);
    }

    @Test
    void telecomsKeepTheirRecordedOrder() {
        Patient patient = onlyPatient(search(NHS_NUMBER + "|9690937286").statusCode(200).extract().asString());
        assertThat(patient.getTelecom()).extracting(t -> t.getUse().toCode() + ":" + t.getValue())
                .containsExactly("home:01454587554", "mobile:+447401254880");
    }

    @ParameterizedTest(name = "{0} is never disclosed by search")
    @ValueSource(strings = {
            "9690938533", // patient9, sensitive
            "9690938541", // patient10, sensitive
            "9690938681", // patient18, deceased
            "9690938142", // patient21, inactive registration
            "9999999999"  // patientNotInSystem
    })
    void undisclosedOrUnknownPatientsGiveAnEmptySearchset(String nhsNumber) {
        search(NHS_NUMBER + "|" + nhsNumber)
                .statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(SEARCHSET_PROFILE))
                .body("entry", nullValue());
    }

    @ParameterizedTest(name = "{0} is found")
    @ValueSource(strings = {
            "9476718943", // patient14, not on Spine/PDS: the local record is still disclosed
            "9690938576"  // patient15, dissent: blocks clinical records, not demographics
    })
    void notOnSpineAndDissentingPatientsAreFound(String nhsNumber) {
        search(NHS_NUMBER + "|" + nhsNumber)
                .statusCode(200)
                .body("entry.size()", equalTo(1))
                .body("entry[0].resource.identifier[0].value", equalTo(nhsNumber));
    }

    @Test
    void anExpiredRegistrationIsNotDisclosed() {
        String id = idOf("9690937294");
        FoundationsApi.update(pool, "UPDATE patient SET registration_end = $1 WHERE id = $2", LocalDate.now().minusDays(2), id);
        try {
            search(NHS_NUMBER + "|9690937294").statusCode(200).body("entry", nullValue());
            read(id).statusCode(404);
        } finally {
            FoundationsApi.update(pool, "UPDATE patient SET registration_end = NULL WHERE id = $1", id);
        }
    }

    @Test
    void anUnverifiedNhsNumberIsNotDisclosed() {
        String id = idOf("9690937294");
        FoundationsApi.update(pool, "UPDATE patient SET nhs_number_verified = false WHERE id = $1", id);
        try {
            search(NHS_NUMBER + "|9690937294").statusCode(200).body("entry", nullValue());
            read(id).statusCode(404);
        } finally {
            FoundationsApi.update(pool, "UPDATE patient SET nhs_number_verified = true WHERE id = $1", id);
        }
    }

    // ---------------------------------------------------------------- search: §9 parameter error table

    @Test
    void noIdentifierParameterIs400BadRequest() {
        assertOutcome(as(Interaction.PATIENT_SEARCH).when().get(PATIENTS).then(), 400, "BAD_REQUEST");
    }

    @Test
    void parameterNamesAreCaseSensitiveSoIdentifierWithACapitalIsMissing() {
        assertOutcome(as(Interaction.PATIENT_SEARCH).queryParam("Identifier", NHS_NUMBER + "|9690937278")
                .when().get(PATIENTS).then(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "identifier given twice: {0}")
    @ValueSource(strings = {"9690937278", "9690937286"})
    void identifierGivenTwiceIs400BadRequest(String second) {
        assertOutcome(as(Interaction.PATIENT_SEARCH)
                .queryParam("identifier", NHS_NUMBER + "|9690937278", NHS_NUMBER + "|" + second)
                .when().get(PATIENTS).then(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "identifier={0}")
    @ValueSource(strings = {"9690937278", "|9690937278", NHS_NUMBER + "|", ""})
    void tokenWithoutSystemOrValueIs422InvalidParameter(String token) {
        assertOutcome(search(token), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", startsWith("The identifier parameter needs"));
    }

    @ParameterizedTest(name = "system {0}")
    @ValueSource(strings = {"https://fhir.nhs.uk/Id/sds-user-id", "http://fhir.nhs.net/Id/nhs-number",
            "https://fhir.nhs.uk/Id/NHS-number", "badSystem"})
    void otherSystemIs400InvalidIdentifierSystem(String system) {
        assertOutcome(search(system + "|9690937278"), 400, "INVALID_IDENTIFIER_SYSTEM");
    }

    @ParameterizedTest(name = "NHS number {0}")
    @ValueSource(strings = {"1234567891", "969093727", "96909372781", "969093727X", "9690937279"})
    void malformedNhsNumberIs400InvalidNhsNumber(String value) {
        assertOutcome(search(NHS_NUMBER + "|" + value), 400, "INVALID_NHS_NUMBER");
    }

    @Test
    void otherParametersAreIgnored() {
        as(Interaction.PATIENT_SEARCH)
                .queryParam("identifier", NHS_NUMBER + "|9690937286")
                .queryParam("_count", "1").queryParam("_sort", "status").queryParam("incorrectParameter", "x")
                .when().get(PATIENTS)
                .then().statusCode(200).body("entry.size()", equalTo(1));
    }

    @Test
    void searchIsAnsweredInXmlWhenAskedByFormat() {
        as(Interaction.PATIENT_SEARCH)
                .queryParam("identifier", NHS_NUMBER + "|9690937286")
                .queryParam("_format", "application/fhir+xml")
                .when().get(PATIENTS)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .parser("application/fhir+xml", Parser.XML)
                .body("Bundle.type.@value", equalTo("searchset"))
                .body("Bundle.meta.profile.@value", equalTo(SEARCHSET_PROFILE))
                .body("Bundle.entry.resource.Patient.identifier.value.@value", equalTo("9690937286"))
                .body("Bundle.entry.resource.Patient.meta.versionId.@value", equalTo(versionOf("9690937286")));
    }

    @Test
    void searchIsGzippedWhenAccepted() {
        as(Interaction.PATIENT_SEARCH)
                .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .queryParam("identifier", NHS_NUMBER + "|9690937286")
                .header("Accept-Encoding", "gzip")
                .when().get(PATIENTS)
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void practiceNotServedIs404OrganisationNotFound() {
        assertOutcome(as(Interaction.PATIENT_SEARCH).queryParam("identifier", NHS_NUMBER + "|9690937278")
                .when().get("/INVOC1/STU3/1/gpconnect/fhir/Patient").then(), 404, "ORGANISATION_NOT_FOUND");
    }

    // ---------------------------------------------------------------- read

    @Test
    void readOfAFoundPatientCarriesItsVersionAsETag() {
        String id = onlyPatient(search(NHS_NUMBER + "|9690937278").extract().asString()).getIdElement().getIdPart();
        String version = versionOf("9690937278");
        read(id).statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("ETag", "W/\"" + version + "\"")
                .body("resourceType", equalTo("Patient"))
                .body("id", equalTo(id))
                .body("meta.versionId", equalTo(version))
                .body("meta.profile[0]", equalTo(SD + "CareConnect-GPC-Patient-1"))
                .body("identifier[0].value", equalTo("9690937278"));
    }

    @Test
    void theETagFollowsTheRowsVersion() {
        String id = idOf("9690937308");
        FoundationsApi.update(pool, "UPDATE patient SET version = version + 1 WHERE id = $1", id);
        try {
            String version = versionOf("9690937308");
            read(id).statusCode(200).header("ETag", "W/\"" + version + "\"").body("meta.versionId", equalTo(version));
        } finally {
            FoundationsApi.update(pool, "UPDATE patient SET version = version - 1 WHERE id = $1", id);
        }
    }

    @Test
    void readIsAnsweredInXmlWhenAskedByFormat() {
        String id = idOf("9690937278");
        as(Interaction.PATIENT_READ).queryParam("_format", "application/fhir+xml")
                .when().get(PATIENTS + "/" + id)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .header("ETag", "W/\"" + versionOf("9690937278") + "\"")
                .parser("application/fhir+xml", Parser.XML)
                .body("Patient.id.@value", equalTo(id))
                .body("Patient.name.family.@value", equalTo("SAMUAL"));
    }

    @ParameterizedTest(name = "{0} is read")
    @ValueSource(strings = {"9476718943", "9690938576"})
    void notOnSpineAndDissentingPatientsAreRead(String nhsNumber) {
        read(idOf(nhsNumber)).statusCode(200).body("identifier[0].value", equalTo(nhsNumber));
    }

    @ParameterizedTest(name = "{0} is not found")
    @ValueSource(strings = {"9690938533", "9690938541", "9690938681", "9690938142"})
    void sensitiveDeceasedAndInactivePatientsAreNotFound(String nhsNumber) {
        assertOutcome(read(idOf(nhsNumber)), 404, "PATIENT_NOT_FOUND");
    }

    @ParameterizedTest(name = "Patient/{0}")
    @ValueSource(strings = {"aaBA", "1ZEc2", "z.as.dd", "1.1.22", "40-9", "nd-skdm.mks--s",
            "SomthingIncorrectWhichIsNotTheOnProviderSystem", "4543567638475665845564986758479086840564796854665748763454"})
    void unknownIdsAre404PatientNotFound(String id) {
        assertOutcome(read(id), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void readOnAPracticeNotServedIs404OrganisationNotFound() {
        assertOutcome(as(Interaction.PATIENT_READ).when().get("/INVOC1/STU3/1/gpconnect/fhir/Patient/1").then(),
                404, "ORGANISATION_NOT_FOUND");
    }

    // ---------------------------------------------------------------- helpers

    private static ValidatableResponse search(String token) {
        return as(Interaction.PATIENT_SEARCH).queryParam("identifier", token).when().get(PATIENTS).then();
    }

    private static ValidatableResponse read(String id) {
        return as(Interaction.PATIENT_READ).when().get(PATIENTS + "/" + id).then();
    }

    private static Patient onlyPatient(String bundleJson) {
        Bundle bundle = FoundationsApi.bundle(bundleJson);
        assertThat(bundle.getEntry()).hasSize(1);
        return (Patient) bundle.getEntryFirstRep().getResource();
    }

    private String idOf(String nhsNumber) {
        return FoundationsApi.scalar(pool, "SELECT id FROM patient WHERE practice_ods = 'B82617' AND nhs_number = $1", nhsNumber);
    }

    private String versionOf(String nhsNumber) {
        return FoundationsApi.scalar(pool, "SELECT version FROM patient WHERE practice_ods = 'B82617' AND nhs_number = $1", nhsNumber);
    }
}
