package org.gpconnect.accessrecord.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.html.CareRecordApi.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every request rule and error of access-record-html.md §1.1 and §2 (and access_record_html.yaml "errors"). */
@QuarkusTest
class RequestValidationTest {

    // ---------------------------------------------------------------- the body (§2 rows 1, 8)

    @Test
    void emptyBodyIsBadRequest() {
        assertOutcome(post(""), 400, "BAD_REQUEST");
        assertOutcome(post("   "), 400, "BAD_REQUEST");
    }

    @Test
    void aBodyOverTheSizeLimitIsBadRequestBeforeItIsParsed() {
        // gpconnect.fhir.max-request-body-bytes (5 MiB): refused whole, never parsed
        assertThat(assertOutcome(post(" ".repeat(5 * 1024 * 1024 + 1)), 400, "BAD_REQUEST").getIssueFirstRep().getDiagnostics())
                .contains("larger than 5242880 bytes");
    }

    @Test
    void malformedBodyIsBadRequestNotServerError() {
        assertOutcome(post("{\"resourceType\":\"Parameters\",\"parameter\":["), 400, "BAD_REQUEST");
        assertOutcome(caller().contentType(XML).accept(JSON).body("<Parameters xmlns=\"http://hl7.org/fhir\"><parameter>")
                .post(OPERATION).then(), 400, "BAD_REQUEST");
    }

    @Test
    void bodyThatIsNotParametersIsInvalidResource() {
        // §2: "body is not a Parameters resource" 422 INVALID_RESOURCE (test pack: payload_resourceType_not_Parameters)
        assertOutcome(post("{\"resourceType\":\"Patient\",\"id\":\"1\"}"), 422, "INVALID_RESOURCE");
        assertOutcome(post("{\"resourceType\":\"NotAResource\"}"), 422, "INVALID_RESOURCE");
        assertOutcome(post("{\"parameter\":[]}"), 422, "INVALID_RESOURCE");
        // an element Parameters does not have
        assertOutcome(post("{\"resourceType\":\"Parameters\",\"unknownElement\":true}"), 422, "INVALID_RESOURCE");
    }

    @Test
    void noParametersIsBadRequest() {
        assertOutcome(post(parameters()), 400, "BAD_REQUEST");
        assertOutcome(post("{\"resourceType\":\"Parameters\"}"), 400, "BAD_REQUEST");
    }

    // ---------------------------------------------------------------- cardinality and types (§1.1, §2 rows 1-4)

    @Test
    void missingRecordSectionOrNhsNumberIsBadRequest() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2))), 400, "BAD_REQUEST");
        assertOutcome(post(parameters(section("SUM"))), 400, "BAD_REQUEST");
    }

    @Test
    void moreThanOneSectionEvenTheSameIsBadRequest() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("SUM"), section("ALL"))), 400, "BAD_REQUEST");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("SUM"), section("SUM"))), 400, "BAD_REQUEST");
    }

    @Test
    void moreThanOneNhsNumberOrTimePeriodIsBadRequest() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), nhsNumber(PATIENT2), section("SUM"))), 400, "BAD_REQUEST");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("ENC"), period("2016", null), period("2016", null))),
                400, "BAD_REQUEST");
    }

    @Test
    void valuesOfTheWrongTypeAreBadRequest() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), "{\"name\":\"recordSection\",\"valueString\":\"SUM\"}")), 400, "BAD_REQUEST");
        assertOutcome(post(parameters("{\"name\":\"patientNHSNumber\",\"valueString\":\"" + PATIENT2 + "\"}", section("SUM"))),
                400, "BAD_REQUEST");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("ENC"), "{\"name\":\"timePeriod\",\"valueDate\":\"2016-01-01\"}")),
                400, "BAD_REQUEST");
    }

    @Test
    void aParameterTheOperationDoesNotDefineIsBadRequest() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("SUM"), "{\"name\":\"includeAllergies\",\"valueBoolean\":true}")),
                400, "BAD_REQUEST");
    }

    // ---------------------------------------------------------------- the NHS number (§2 rows 6-7)

    @Test
    void nhsNumberFailingTheCheckDigitOrFormatIsInvalidNhsNumber() {
        assertOutcome(post(request(INVALID_NHS_NUMBER, "SUM")), 400, "INVALID_NHS_NUMBER");
        assertOutcome(post(request("969093728", "SUM")), 400, "INVALID_NHS_NUMBER");
        assertOutcome(post(request("96909372860", "SUM")), 400, "INVALID_NHS_NUMBER");
        assertOutcome(post(request("969093728X", "SUM")), 400, "INVALID_NHS_NUMBER");
        assertOutcome(post(parameters("{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"" + NHS_SYSTEM + "\"}}",
                section("SUM"))), 400, "INVALID_NHS_NUMBER");
    }

    @Test
    void wrongOrEmptyNhsNumberSystemIsInvalidIdentifierSystem() {
        // 0.7.4 is DSTU2: the 1.x system is a wrong one here
        assertOutcome(post(parameters(identifier("https://fhir.nhs.uk/Id/nhs-number", PATIENT2), section("SUM"))),
                400, "INVALID_IDENTIFIER_SYSTEM");
        assertOutcome(post(parameters(identifier("", PATIENT2), section("SUM"))), 400, "INVALID_IDENTIFIER_SYSTEM");
        assertOutcome(post(parameters("{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"value\":\"" + PATIENT2 + "\"}}",
                section("SUM"))), 400, "INVALID_IDENTIFIER_SYSTEM");
    }

    // ---------------------------------------------------------------- the section (§1.2, §2 rows 4-5)

    @Test
    void wrongSectionSystemIsBadRequestInvalidParameter() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-RecordSection-1", "SUM"))),
                400, "INVALID_PARAMETER");
    }

    @Test
    void unknownEmptyOrWrongCaseSectionCodeIsInvalidParameter() {
        for (String code : new String[] {"ZZZ", "INV", "PAT", "ALG", "", "sum", "Sum", "enc"}) {
            assertOutcome(post(request(PATIENT2, code)), 422, "INVALID_PARAMETER");
        }
        // no system at all (test pack: "empty system") and no coding at all
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("", "SUM"))), 422, "INVALID_PARAMETER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), "{\"name\":\"recordSection\",\"valueCodeableConcept\":{\"text\":\"Summary\"}}")),
                422, "INVALID_PARAMETER");
    }

    @Test
    void parameterOrderDoesNotMatter() {
        // §8
        ok(parameters(section("ENC"), period("2016", null), nhsNumber(PATIENT2)));
        ok(parameters(period(null, "2019-12"), section("REF"), nhsNumber(PATIENT2)));
    }

    // ---------------------------------------------------------------- the time period (§1.1, §1.2, §2 rows 9-10)

    @Test
    void timePeriodOnSectionsWithoutDateFilterIsHttp400InvalidParameter() {
        for (String code : NOT_FILTERABLE) {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), section(code), period("2016-01-01", "2016-12-31"))), 400, "INVALID_PARAMETER");
            assertOutcome(post(parameters(nhsNumber(PATIENT2), section(code), period("2016", null))), 400, "INVALID_PARAMETER");
        }
    }

    @Test
    void timePeriodIsAcceptedOnEveryFilterableSection() {
        for (String code : FILTERABLE) {
            ok(parameters(nhsNumber(PATIENT2), section(code), period("2015-05-01", "2016-07-01")));
            ok(parameters(nhsNumber(PATIENT2), section(code), period("2012", null)));        // partial start only
            ok(parameters(nhsNumber(PATIENT2), section(code), period(null, "2016-09")));     // partial end only
        }
    }

    @Test
    void dateTimesWithAnOffsetAreAccepted() {
        ok(parameters(nhsNumber(PATIENT2), section("ENC"), period("2016-01-01T00:00:00+00:00", "2016-12-31T23:59:59Z")));
    }

    @Test
    void unreadableTimePeriodDatesAreInvalidParameter() {
        for (String bad : new String[] {"2016-13-01", "2016-02-30", "X2016", "16", "2016-1", "2016-01-01T10:00:00", "01-01-2016"}) {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), section("ENC"), period(bad, null))), 422, "INVALID_PARAMETER");
            assertOutcome(post(parameters(nhsNumber(PATIENT2), section("ENC"), period("2015", bad))), 422, "INVALID_PARAMETER");
        }
    }

    @Test
    void timePeriodWithNeitherStartNorEndIsInvalidParameter() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("ENC"), period(null, null))), 422, "INVALID_PARAMETER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("ENC"), period("", ""))), 422, "INVALID_PARAMETER");
    }

    @Test
    void startAfterEndIsInvalidParameter() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("ENC"), period("2016-07-02", "2016-07-01"))), 422, "INVALID_PARAMETER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), section("ENC"), period("2017", "2016-12"))), 422, "INVALID_PARAMETER");
        // the same day, and a partial start inside a partial end, are not "after"
        ok(parameters(nhsNumber(PATIENT2), section("ENC"), period("2016-07-01", "2016-07-01")));
        ok(parameters(nhsNumber(PATIENT2), section("ENC"), period("2016-06", "2016")));
    }

    @Test
    void xmlBodiesAreReadToo() {
        String xml = "<Parameters xmlns=\"http://hl7.org/fhir\">"
                + "<parameter><name value=\"patientNHSNumber\"/><valueIdentifier><system value=\"" + NHS_SYSTEM + "\"/>"
                + "<value value=\"" + PATIENT2 + "\"/></valueIdentifier></parameter>"
                + "<parameter><name value=\"recordSection\"/><valueCodeableConcept><coding><system value=\"" + SECTION_SYSTEM + "\"/>"
                + "<code value=\"ADM\"/></coding></valueCodeableConcept></parameter>"
                + "<parameter><name value=\"timePeriod\"/><valuePeriod><start value=\"2016\"/></valuePeriod></parameter>"
                + "</Parameters>";
        caller().contentType(XML).accept(JSON).body(xml).post(OPERATION).then().statusCode(200);
        assertOutcome(caller().contentType(XML).accept(JSON).body(xml.replace("\"2016\"", "\"2016-13\"")).post(OPERATION).then(),
                422, "INVALID_PARAMETER");
    }

    @Test
    void unsupportedContentTypeIs415() {
        caller().contentType("text/plain").body(request(PATIENT2, "SUM")).post(OPERATION).then().statusCode(415);
    }
}
