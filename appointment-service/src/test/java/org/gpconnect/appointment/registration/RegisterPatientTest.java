package org.gpconnect.appointment.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.gpconnect.appointment.registration.RegistrationApi.parameters;
import static org.gpconnect.appointment.registration.RegistrationApi.patient;
import static org.gpconnect.appointment.registration.RegistrationApi.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.gpconnect.appointment.PdsDoubleResource;
import org.gpconnect.appointment.booking.BookingApi;
import org.gpconnect.appointment.booking.BookingFixtures;
import org.gpconnect.appointment.booking.TestSlot;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.pdsdouble.PdsDouble;
import org.gpconnect.pdsdouble.PdsRecord;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST [base]/Patient/$gpc.registerpatient} through the service against the PDS test double: the provider
 * flow and the error table of foundations.md §9.2, the verification rule of §9.1, provenance (security-and-audit.md
 * §3.3), PDS sensitive patients (P5). Every error row of §9.2 that needs PDS or the patient index is here; the
 * request-shape rows are in {@code RegisterPatientValidationTest}.
 */
@QuarkusTest
class RegisterPatientTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SD = FoundationsApi.SD;
    private static final String REGISTRATION_DETAILS = SD + "Extension-CareConnect-GPC-RegistrationDetails-1";

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @AfterEach
    void pdsBackToNormal() {
        PdsDouble pds = PdsDoubleResource.pds();
        pds.recover();
    }

    // ------------------------------------------------------------------ success (§9.2 "Response")

    @Test
    void aPatientOnPdsIsRegisteredAsTemporaryAndAnsweredWithASearchsetBundle() {
        String body = register(patient("9651258500", "REA", "Clive", "male", "1951-03-10"))
                .statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("X-GPC-Audit-NHS-Number", "9651258500")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(FoundationsApi.SEARCHSET_PROFILE))
                .extract().asString();
        Bundle bundle = FoundationsApi.bundle(body);
        assertThat(bundle.getEntry()).hasSize(1);
        Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
        LocalDate today = LocalDate.now(LONDON);
        assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(RegistrationApi.PATIENT_PROFILE);
        assertThat(patient.getMeta().getVersionId()).isEqualTo("1");
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9651258500");
        assertThat(patient.getIdentifierFirstRep().getExtensionFirstRep().getValue()).isInstanceOfSatisfying(CodeableConcept.class,
                c -> assertThat(c.getCodingFirstRep().getCode()).isEqualTo("01"));
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("REA");
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Clive");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1951-03-10");
        assertThat(patient.getGender().toCode()).isEqualTo("male");
        Extension details = patient.getExtensionByUrl(REGISTRATION_DETAILS);
        assertThat(code(details, "registrationType")).isEqualTo("T");
        assertThat(code(details, "registrationStatus")).isEqualTo("A");
        Period period = (Period) details.getExtensionByUrl("registrationPeriod").getValue();
        assertThat(period.getStartElement().getValueAsString()).isEqualTo(today.toString());
        assertThat(period.getEndElement().getValueAsString()).isEqualTo(today.plusDays(90).toString());
        assertThat(patient.getManagingOrganization().getReference()).isEqualTo("Organization/1");

        // findable by Patient search from now on (§9.1)
        FoundationsApi.as(Interaction.PATIENT_SEARCH)
                .queryParam("identifier", FoundationsApi.NHS_NUMBER + "|9651258500")
                .when().get(FoundationsApi.BASE + "/Patient")
                .then().statusCode(200)
                .body("entry.size()", equalTo(1))
                .body("entry[0].resource.id", equalTo(patient.getIdElement().getIdPart()));
    }

    @Test
    void theRegistrationIsTracedWithThePdsApisHeadersAndItsProvenanceStored() {
        String token = InternalTokens.forInteraction(Interaction.REGISTER_PATIENT);
        String traceId = BookingApi.traceIdOf(token);
        String id = RestAssured.given().urlEncodingEnabled(false).auth().oauth2(token).contentType(RegistrationApi.FHIR_JSON)
                .body(RegistrationApi.json(parameters(patient("9651258659", "MOLLOY", "Leona", "female", "1949-07-12"))))
                .when().post(RegistrationApi.REGISTER)
                .then().statusCode(200).extract().path("entry[0].resource.id");

        List<PdsDouble.RecordedRequest> traced = PdsDoubleResource.pds().requestsFor("9651258659");
        assertThat(traced).hasSize(1);
        PdsDouble.RecordedRequest request = traced.get(0);
        assertThat(UUID.fromString(request.requestId())).isNotNull();
        assertThat(request.correlationId()).isEqualTo(traceId);
        assertThat(request.authorization()).startsWith("Bearer ");
        assertThat(request.status()).isEqualTo(200);

        // security-and-audit.md §3.3: who registered, from which system and organisation, through which request
        assertThat(FoundationsApi.scalar(pool, "SELECT activity || '|' || interaction_id || '|' || trace_id || '|' || consumer_asid"
                        + " || '|' || organization_ods || '|' || practitioner_id || '|' || practitioner_sds_user_id || '|' || pds_version_id"
                        + " FROM patient_provenance WHERE patient_id = $1 AND version = 1", id))
                .isEqualTo("registered|" + Interaction.REGISTER_PATIENT.id() + "|" + traceId + "|200000000359|GPCA0001|1|GCASDS0001|1");
        assertThat(FoundationsApi.scalar(pool, "SELECT registration_type || nhs_number_verified FROM patient WHERE id = $1", id))
                .isEqualTo("Ttrue");
    }

    @Test
    void aRegisteredPatientCanBeBooked() {
        String id = register(patient("9651258519", "SOFFE", "Oscar", "male", "1937-03-11"))
                .statusCode(200).extract().path("entry[0].resource.id");
        BookingFixtures.ensure(pool, roller);
        TestSlot slot = BookingFixtures.free(pool);
        BookingApi.book(BookingApi.booking(id, List.of(slot), "16", "1"))
                .statusCode(201)
                .body("participant.find { it.actor.reference.startsWith('Patient') }.actor.reference", equalTo("Patient/" + id));
    }

    @Test
    void xmlInXmlOut() {
        RestAssured.given().urlEncodingEnabled(false).auth().oauth2(InternalTokens.forInteraction(Interaction.REGISTER_PATIENT))
                .contentType("application/fhir+xml;charset=utf-8")
                .body(RegistrationApi.xml(parameters(patient("9651258527", "FLYNN", "Tommy", "male", "1950-04-10"))))
                .when().post(RegistrationApi.REGISTER)
                .then().statusCode(200)
                .header("Content-Type", "application/fhir+xml;charset=utf-8")
                .body(startsWith("<Bundle xmlns=\"http://hl7.org/fhir\">"));
    }

    @Test
    void theShouldAndMayElementsAreStoredAndReturnedTemporaryOnesEndingWithTheRegistration() {
        Patient patient = patient("9651258535", "CONWAY", "Julius", "male", "1924-08-16");
        patient.getNameFirstRep().addPrefix("MR");
        patient.addAddress().setUse(Address.AddressUse.HOME).addLine("1 High Street").setCity("Leeds").setDistrict("West Yorkshire")
                .setPostalCode("LS1 1AA").setCountry("GBR");
        patient.addAddress().setUse(Address.AddressUse.TEMP).addLine("2 Seaside Road").setCity("Whitby").setPostalCode("YO21 1AA");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE).setValue("07700 900123");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.TEMP).setValue("01947 000000");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("julius@example.org");
        Extension communication = new Extension(SD + "Extension-CareConnect-GPC-NHSCommunication-1");
        communication.addExtension("language", new CodeableConcept().addCoding(
                new Coding("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1", "de", "German")));
        communication.addExtension("interpreterRequired", new BooleanType(true));
        patient.addExtension(communication);

        Patient registered = registered(register(patient).statusCode(200));
        String end = LocalDate.now(LONDON).plusDays(90).toString();
        assertThat(registered.getNameFirstRep().getPrefixAsSingleString()).isEqualTo("MR");
        assertThat(registered.getAddress()).hasSize(2);
        Address home = registered.getAddress().get(0);
        assertThat(home.getUse()).isEqualTo(Address.AddressUse.HOME);
        assertThat(home.getLine()).extracting(l -> l.getValue()).containsExactly("1 High Street");
        assertThat(home.getCity() + "|" + home.getDistrict() + "|" + home.getPostalCode() + "|" + home.getCountry())
                .isEqualTo("Leeds|West Yorkshire|LS1 1AA|GBR");
        Address temp = registered.getAddress().get(1);
        assertThat(temp.getUse()).isEqualTo(Address.AddressUse.TEMP);
        assertThat(temp.getPeriod().getEndElement().getValueAsString()).isEqualTo(end);
        assertThat(registered.getTelecom()).extracting(t -> t.getSystem().toCode() + "/" + (t.hasUse() ? t.getUse().toCode() : "-")
                        + "/" + t.getValue() + "/" + (t.hasPeriod() ? t.getPeriod().getEndElement().getValueAsString() : "-"))
                .containsExactly("phone/mobile/07700 900123/-", "phone/temp/01947 000000/" + end, "email/-/julius@example.org/-");
        Extension returned = registered.getExtensionByUrl(SD + "Extension-CareConnect-GPC-NHSCommunication-1");
        assertThat(((CodeableConcept) returned.getExtensionByUrl("language").getValue()).getCodingFirstRep().getCode()).isEqualTo("de");
        assertThat(((BooleanType) returned.getExtensionByUrl("interpreterRequired").getValue()).getValue()).isTrue();
    }

    @Test
    void whatTheRequestLeavesOutIsTakenFromPds() {
        // MCVEY Sophie (register_patient.yaml pds_patients) has a title, an address and a gender on PDS
        Patient registered = registered(register(patient("9476719915", "MCVEY", "Sophie", "1952-06-13")).statusCode(200));
        assertThat(registered.getGender().toCode()).isEqualTo("female");
        assertThat(registered.getNameFirstRep().getPrefixAsSingleString()).isEqualTo("MS");
        assertThat(registered.getAddressFirstRep().getUse()).isEqualTo(Address.AddressUse.HOME);
        assertThat(registered.getAddressFirstRep().getLine()).extracting(l -> l.getValue())
                .containsExactly("10 ST. CATHERINES CRESCENT", "SCUNTHORPE", "S HUMBERSIDE");
        assertThat(registered.getAddressFirstRep().getPostalCode()).isEqualTo("DN16 3LQ");
    }

    // ------------------------------------------------------------------ §9.1 verification rule, end to end

    @Test
    void twoOfThreeBirthDatePartsWithMatchingNamePrefixesVerify() {
        // TOOLE Felix is 1934-08-13 on PDS: day wrong, family "TOO…" and initial "F" match
        register(patient("9651258586", "TOOLEY", "F", "male", "1934-08-14")).statusCode(200);
    }

    @Test
    void demographicsThatDoNotVerifyAre400InvalidPatientDemographics() {
        // HYFLE Claude is 1939-01-14 on PDS: only the year matches
        assertOutcome(register(patient("9651258578", "HYFLE", "Claude", "male", "1939-02-15")), 400, "INVALID_PATIENT_DEMOGRAPHICS")
                .header("X-GPC-Audit-NHS-Number", "9651258578");
        // STYCHE Milo is 1917-08-08: two date parts match, but the family name does not
        assertOutcome(register(patient("9651258594", "SMITH", "Milo", "male", "1917-08-09")), 400, "INVALID_PATIENT_DEMOGRAPHICS");
        assertThat(count("SELECT count(*) FROM patient WHERE nhs_number IN ('9651258578', '9651258594')")).isZero();
    }

    // ------------------------------------------------------------------ §9.2 error table: PDS

    @Test
    void aNumberNotOnPdsIs400InvalidPatientDemographics() {
        assertOutcome(register(patient("9999999999", "NOBODY", "None", "1970-01-01")), 400, "INVALID_PATIENT_DEMOGRAPHICS");
        // patient14 is held here (active) but is not on PDS: PDS is asked first
        assertOutcome(register(patient("9476718943", "HOPLEY", "Georgina", "female", "1927-05-15")), 400, "INVALID_PATIENT_DEMOGRAPHICS");
    }

    @Test
    void aPatientDeceasedOnPdsIs400InvalidPatientDemographics() {
        // patient18 (also held here) and PHELAN Julian (pds_patients, died 2007)
        assertOutcome(register(patient("9690938681", "ROONEY", "James", "male", "1968-02-03")), 400, "INVALID_PATIENT_DEMOGRAPHICS");
        assertOutcome(register(patient("9476719974", "PHELAN", "Julian", "male", "1992-07-02")), 400, "INVALID_PATIENT_DEMOGRAPHICS");
        assertThat(count("SELECT count(*) FROM patient WHERE nhs_number = '9476719974'")).isZero();
    }

    @Test
    void aSensitivePatientIs400InvalidPatientDemographics() {
        // security-and-audit.md P5: patient9 (held here) and HARDY Tania (pds_patients, S-flagged); the outcome does
        // not say "sensitive"
        assertOutcome(register(patient("9690938533", "CLAY", "Anita", "female", "2000-09-09")), 400, "INVALID_PATIENT_DEMOGRAPHICS")
                .body("issue[0].diagnostics", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsStringIgnoringCase("sensitive")));
        assertOutcome(register(patient("9476113162", "HARDY", "Tania", "female", "1953-11-02")), 400, "INVALID_PATIENT_DEMOGRAPHICS");
    }

    @Test
    void aSupersededOrInvalidatedNumberIs400InvalidNhsNumber() {
        // patient11's number answers with the record of its new number
        assertOutcome(register(patient("9690938622", "HORN", "Alexi", "female", "1978-11-28")), 400, "INVALID_NHS_NUMBER");
        PdsDoubleResource.pds().invalidate("9651258608");
        assertOutcome(register(patient("9651258608", "RODDAN", "Ivor", "male", "1930-06-14")), 400, "INVALID_NHS_NUMBER");
    }

    @Test
    void pdsUnavailableIs500AndNothingIsWritten() {
        PdsDoubleResource.pds().outage(503);
        assertOutcome(register(patient("9651258624", "LESLIE", "Blanch", "female", "1924-06-26")), 500, "INTERNAL_SERVER_ERROR")
                .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("Personal Demographics Service"));
        // retried once (gpconnect.appointments.pds.max-attempts 2), with one X-Request-ID
        List<PdsDouble.RecordedRequest> attempts = PdsDoubleResource.pds().requestsFor("9651258624");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).requestId()).isEqualTo(attempts.get(1).requestId());
        assertThat(count("SELECT count(*) FROM patient WHERE nhs_number = '9651258624'")).isZero();
    }

    @Test
    void aRefusedAccessTokenIs500() {
        PdsDouble pds = PdsDoubleResource.pds();
        String token = PdsDoubleResource.token();
        pds.accessToken("another-token");
        try {
            assertOutcome(register(patient("9651258632", "MOYES", "Louise", "female", "1923-04-14")), 500, "INTERNAL_SERVER_ERROR");
            // not retried: a refused token is not transient
            assertThat(pds.requestsFor("9651258632")).hasSize(1);
        } finally {
            pds.accessToken(token);
        }
    }

    @Test
    void aTransientPdsFailureIsRetried() {
        PdsDoubleResource.pds().failNextRequests(503, 1);
        register(patient("9651258616", "GRALEY", "Lesley", "female", "1920-03-02")).statusCode(200);
        assertThat(PdsDoubleResource.pds().requestsFor("9651258616")).extracting(PdsDouble.RecordedRequest::status)
                .containsExactly(503, 200);
    }

    // ------------------------------------------------------------------ §9.2 error table: the patient index

    @Test
    void anActivelyRegisteredPatientIs409DuplicateRejected() {
        // patient1, regular registration
        assertOutcome(register(patient("9690937278", "SAMUAL", "Lucien", "male", "1938-12-11")), 409, "DUPLICATE_REJECTED")
                .header("X-GPC-Audit-NHS-Number", "9690937278");
        // a temporary registration made a moment ago
        register(patient("9651258551", "EVANS", "Paul", "male", "1932-12-29")).statusCode(200);
        assertOutcome(register(patient("9651258551", "EVANS", "Paul", "male", "1932-12-29")), 409, "DUPLICATE_REJECTED");
        assertThat(count("SELECT count(*) FROM patient WHERE nhs_number = '9651258551'")).isEqualTo(1);
    }

    @Test
    void aPatientDeceasedHereIs400EvenWhenPdsDoesNotSaySo() {
        PdsDouble pds = PdsDoubleResource.pds();
        PdsRecord onPds = pds.record("9690938681");
        pds.put(onPds.withDeathDate(null));
        try {
            assertOutcome(register(patient("9690938681", "ROONEY", "James", "male", "1968-02-03")), 400, "INVALID_PATIENT_DEMOGRAPHICS")
                    .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("at this practice"));
        } finally {
            pds.put(onPds);
        }
    }

    @Test
    void anInactivePatientIsReactivatedAsTemporary() {
        // patient21: inactive regular registration (testdata patients.yaml)
        try {
            Patient registered = registered(register(patient("9690938142", "BUCK", "Eve", "female", "1999-04-13")).statusCode(200));
            assertThat(registered.getIdElement().getIdPart()).isEqualTo("21");
            assertThat(registered.getMeta().getVersionId()).isEqualTo("2");
            Extension details = registered.getExtensionByUrl(REGISTRATION_DETAILS);
            assertThat(code(details, "registrationType")).isEqualTo("T");
            assertThat(code(details, "registrationStatus")).isEqualTo("A");
            // what the practice held and the request did not send is kept
            assertThat(registered.getAddressFirstRep().getPostalCode()).isEqualTo("TS20 1SY");
            assertThat(registered.getTelecomFirstRep().getValue()).isEqualTo("01454587554");
            assertThat(FoundationsApi.scalar(pool, "SELECT activity FROM patient_provenance WHERE patient_id = '21' AND version = 2"))
                    .isEqualTo("reactivated");
            FoundationsApi.as(Interaction.PATIENT_READ).when().get(FoundationsApi.BASE + "/Patient/21").then().statusCode(200);
            // and now it is registered
            assertOutcome(register(patient("9690938142", "BUCK", "Eve", "female", "1999-04-13")), 409, "DUPLICATE_REJECTED");
        } finally {
            FoundationsApi.update(pool, "DELETE FROM patient_provenance WHERE patient_id = '21'");
            FoundationsApi.update(pool, "UPDATE patient SET registration_status = 'inactive', registration_type = 'R',"
                    + " registration_start = '1962-07-13', registration_end = NULL, version = 1 WHERE id = '21'");
        }
    }

    @Test
    void concurrentRegistrationsOfOneNumberCreateOnePatient() {
        String body = RegistrationApi.json(parameters(patient("9651258543", "VOCE", "Ramon", "male", "1919-10-17")));
        List<HttpResponse<String>> answers = concurrently(8, body);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409)
                .allSatisfy(a -> assertThat(a.body()).contains("DUPLICATE_REJECTED"));
        assertThat(count("SELECT count(*) FROM patient WHERE nhs_number = '9651258543'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM patient_provenance v JOIN patient p ON p.id = v.patient_id"
                + " WHERE p.nhs_number = '9651258543'")).isEqualTo(1);
    }

    @Test
    void gpConnectSwitchedOffIs403() {
        FoundationsApi.update(pool, "UPDATE practice SET gp_connect_enabled = false WHERE ods_code = 'B82617'");
        try {
            assertOutcome(register(patient("9651258640", "HOLT", "Kerry", "female", "1923-01-26")), 403, "ACCESS DENIED");
        } finally {
            FoundationsApi.update(pool, "UPDATE practice SET gp_connect_enabled = true WHERE ods_code = 'B82617'");
        }
    }

    @Test
    void aPercentEncodedOperationNameIsNotTheOperation() {
        // foundations.md §1: the path is matched byte for byte, %24 is not $
        int status = RestAssured.given().urlEncodingEnabled(false).auth().oauth2(InternalTokens.forInteraction(Interaction.REGISTER_PATIENT))
                .contentType(RegistrationApi.FHIR_JSON)
                .body(RegistrationApi.json(parameters(patient("9651258640", "HOLT", "Kerry", "female", "1923-01-26"))))
                .when().post(FoundationsApi.BASE + "/Patient/%24gpc.registerpatient")
                .then().extract().statusCode();
        assertThat(status).isBetween(400, 499);
        assertThat(count("SELECT count(*) FROM patient WHERE nhs_number = '9651258640'")).isZero();
    }

    @Test
    void theCapabilityStatementListsTheOperation() {
        FoundationsApi.as(Interaction.METADATA_READ).when().get(FoundationsApi.BASE + "/metadata")
                .then().statusCode(200)
                .body("rest[0].operation[0].name", equalTo("gpc.registerpatient"))
                .body("rest[0].operation[0].definition.reference",
                        equalTo("https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1"));
    }

    // ------------------------------------------------------------------ helpers

    private static Patient registered(io.restassured.response.ValidatableResponse response) {
        return (Patient) FoundationsApi.bundle(response.extract().asString()).getEntryFirstRep().getResource();
    }

    private static String code(Extension details, String part) {
        return ((CodeableConcept) details.getExtensionByUrl(part).getValue()).getCodingFirstRep().getCode();
    }

    private long count(String sql) {
        return Long.parseLong(FoundationsApi.scalar(pool, sql));
    }

    private static List<HttpResponse<String>> concurrently(int count, String body) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + RegistrationApi.REGISTER))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + InternalTokens.forInteraction(Interaction.REGISTER_PATIENT))
                    .header("Content-Type", RegistrationApi.FHIR_JSON)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
        List<CompletableFuture<HttpResponse<String>>> sent = requests.stream()
                .map(r -> client.sendAsync(r, HttpResponse.BodyHandlers.ofString())).toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
