package org.gpconnect.accessrecord.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.accessrecord.structured.StructuredApi.*;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * The request rules of access-record-structured.md §2, §2.1 and every row of the §3 error table, one by
 * one (patient rows: PatientChecksTest; practice rows: SwitchesTest).
 */
@QuarkusTest
class RequestValidationTest {

    private static final String TODAY = LocalDate.now().toString();
    private static final String TOMORROW = LocalDate.now().plusDays(1).toString();
    private static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

    // ------------------------------------------------------------------ §3: the body

    @Test
    void notAParametersResourceIsInvalidResource() {
        assertOutcome(post("{\"resourceType\":\"Patient\"}"), 422, "INVALID_RESOURCE");
    }

    @Test
    void garbageJsonIsInvalidResource() {
        assertOutcome(post("{\"resourceType\":\"Parameters\",\"parameter\":["), 422, "INVALID_RESOURCE");
        assertOutcome(post("not json at all"), 422, "INVALID_RESOURCE");
        assertOutcome(post("{\"resourceType\":\"Parameters\"} trailing"), 422, "INVALID_RESOURCE");
    }

    @Test
    void garbageXmlIsInvalidResource() {
        assertOutcome(caller().contentType("application/fhir+xml;charset=utf-8").accept("application/fhir+json")
                .body("<Parameters xmlns=\"http://hl7.org/fhir\"><parameter>")
                .when().post(OPERATION).then(), 422, "INVALID_RESOURCE");
    }

    @Test
    void unknownElementIsInvalidResource() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), "{\"name\":\"includeAllergies\",\"foo\":1}")), 422, "INVALID_RESOURCE");
    }

    @Test
    void hugeBodyIsRejectedWithAnOutcome() {
        String huge = parameters(nhsNumber(PATIENT2), param("x".repeat(6_000_000)));
        post(huge).statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(413),
                org.hamcrest.Matchers.is(422)));
    }

    @Test
    void duplicatedParameterIsInvalidResource() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), allergies(true), allergies(false))), 422, "INVALID_RESOURCE");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), nhsNumber(PATIENT2))), 422, "INVALID_RESOURCE");
    }

    @Test
    void duplicatedPartIsInvalidResource() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeAllergies",
                bool("includeResolvedAllergies", true), bool("includeResolvedAllergies", false)))), 422, "INVALID_RESOURCE");
    }

    @Test
    void wrongValueTypeIsInvalidResource() {
        assertOutcome(post(parameters("{\"name\":\"patientNHSNumber\",\"valueString\":\"" + PATIENT2 + "\"}")), 422, "INVALID_RESOURCE");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeAllergies",
                part("includeResolvedAllergies", "valueString", "\"true\"")))), 422, "INVALID_RESOURCE");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), "{\"name\":\"includeProblems\",\"valueBoolean\":true}")), 422, "INVALID_RESOURCE");
    }

    // ------------------------------------------------------------------ §3: recognised parameters and the NHS number

    @Test
    void noRecognisedParameterIsInvalidParameter() {
        assertOutcome(post(parameters(param("includeEverything"))), 422, "INVALID_PARAMETER");
        assertOutcome(post(parameters()), 422, "INVALID_PARAMETER");
    }

    @Test
    void missingNhsNumberIsInvalidParameter() {
        assertOutcome(post(parameters(allergies(true))), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("patientNHSNumber"));
    }

    @Test
    void badNhsNumberIsInvalidNhsNumber() {
        assertOutcome(post(parameters(nhsNumber(INVALID_NHS_NUMBER), allergies(true))), 400, "INVALID_NHS_NUMBER");
        assertOutcome(post(parameters(nhsNumber("969093727"), allergies(true))), 400, "INVALID_NHS_NUMBER");
        assertOutcome(post(parameters(nhsNumber("96909372AB"), allergies(true))), 400, "INVALID_NHS_NUMBER");
    }

    @Test
    void emptyValuesAreAbsentValues() {
        assertOutcome(post(parameters(nhsNumber(""), allergies(true))), 400, "INVALID_NHS_NUMBER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeAllergies",
                part("includeResolvedAllergies", "valueBoolean", "\"\"")))), 422, "INVALID_PARAMETER");
    }

    @Test
    void wrongIdentifierSystemIsInvalidIdentifierSystem() {
        assertOutcome(post(parameters(identifier("http://fhir.nhs.net/Id/nhs-number", PATIENT2), allergies(true))),
                400, "INVALID_IDENTIFIER_SYSTEM");
    }

    // ------------------------------------------------------------------ §3: parts

    @Test
    void allergiesWithoutIncludeResolvedAllergiesIsInvalidParameter() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeAllergies"))), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("includeResolvedAllergies"));
    }

    @Test
    void partWithoutValueIsInvalidParameter() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeAllergies", "{\"name\":\"includeResolvedAllergies\"}"))),
                422, "INVALID_PARAMETER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeMedication", "{\"name\":\"includePrescriptionIssues\"}"))),
                422, "INVALID_PARAMETER");
    }

    @Test
    void invalidBooleanIsInvalidParameter() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeAllergies",
                part("includeResolvedAllergies", "valueBoolean", "\"yes\"")))), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("includeAllergies.includeResolvedAllergies"));
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeImmunisations",
                part("includeNotGiven", "valueBoolean", "\"maybe\"")))), 422, "INVALID_PARAMETER");
    }

    @Test
    void unparseableDatesAreInvalidParameterNotInvalidResource() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeMedication", date("medicationSearchFromDate", "X2014")))),
                422, "INVALID_PARAMETER").body("issue[0].diagnostics", containsString("medicationSearchFromDate"));
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeMedication", date("medicationSearchFromDate", "2016-13-01")))),
                422, "INVALID_PARAMETER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeUncategorisedData",
                period("uncategorisedDataSearchPeriod", "X2014", null)))), 422, "INVALID_PARAMETER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeReferrals",
                period("referralSearchPeriod", "2016-13-01", null)))), 422, "INVALID_PARAMETER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeDiaryEntries", date("diaryEntriesSearchDate", "X2014")))),
                422, "INVALID_PARAMETER");
    }

    @Test
    void medicationSearchFromDateMustBeAFullPastDate() {
        for (String bad : new String[] {"2014", "2014-02", "2014-02-01T10:00:00+00:00", TOMORROW}) {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeMedication", date("medicationSearchFromDate", bad)))),
                    422, "INVALID_PARAMETER");
        }
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeMedication",
                part("medicationSearchFromDate", "valueDateTime", "\"2014-02-01T10:00:00+00:00\"")))), 422, "INVALID_PARAMETER");
        record(parameters(nhsNumber(PATIENT2), param("includeMedication", date("medicationSearchFromDate", TODAY))));
    }

    @Test
    void consultationSearchPeriodRules() {
        for (String[] p : new String[][] {{TOMORROW, null}, {null, TOMORROW}, {TODAY, YESTERDAY}, {"2014", null}, {"2014-01-01T10:00:00Z", null}}) {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeConsultations",
                    period("consultationSearchPeriod", p[0], p[1])))), 422, "INVALID_PARAMETER");
        }
    }

    @Test
    void consultationPeriodWithMostRecentIsInvalidResource() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeConsultations",
                period("consultationSearchPeriod", "2015-01-01", TODAY),
                part("includeNumberOfMostRecent", "valuePositiveInt", "3")))), 422, "INVALID_RESOURCE");
    }

    @Test
    void mostRecentMustBePositive() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeConsultations",
                part("includeNumberOfMostRecent", "valuePositiveInt", "0")))), 422, "INVALID_PARAMETER");
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeConsultations",
                part("includeNumberOfMostRecent", "valuePositiveInt", "\"abc\"")))), 422, "INVALID_PARAMETER");
    }

    @Test
    void otherSearchPeriodRules() {
        for (String area : new String[] {"includeUncategorisedData:uncategorisedDataSearchPeriod",
                "includeInvestigations:investigationSearchPeriod", "includeReferrals:referralSearchPeriod"}) {
            String[] ap = area.split(":");
            for (String[] p : new String[][] {{TOMORROW, null}, {null, TOMORROW}, {TODAY, YESTERDAY}, {"2014-05", null}}) {
                assertOutcome(post(parameters(nhsNumber(PATIENT2), param(ap[0], period(ap[1], p[0], p[1])))),
                        422, "INVALID_PARAMETER");
            }
            // a valid period is accepted
            record(parameters(nhsNumber(PATIENT2), param(ap[0], period(ap[1], "2014-01-01", TODAY))));
        }
    }

    @Test
    void filterStatusMustBeActiveOrInactive() {
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeProblems",
                part("filterStatus", "valueCode", "\"resolved\"")))), 422, "INVALID_PARAMETER");
        record(parameters(nhsNumber(PATIENT2), param("includeProblems", part("filterStatus", "valueCode", "\"inactive\""))));
    }

    @Test
    void diaryEntriesSearchDateMustBeAFullDateNotBeforeToday() {
        for (String bad : new String[] {YESTERDAY, "2030", "2030-01", "2030-01-01T10:00:00Z"}) {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeDiaryEntries", date("diaryEntriesSearchDate", bad)))),
                    422, "INVALID_PARAMETER");
        }
        record(parameters(nhsNumber(PATIENT2), param("includeDiaryEntries", date("diaryEntriesSearchDate", TODAY))));
    }

    // ------------------------------------------------------------------ §2.1: combinations and predefined searches

    @Test
    void eachForbiddenCombinationWithConsultations() {
        String consultations = param("includeConsultations");
        for (String other : forbiddenWithConsultationsAndProblems()) {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), consultations, other)), 422, "INVALID_PARAMETER");
        }
        assertOutcome(post(parameters(nhsNumber(PATIENT2), consultations, param("includeProblems",
                part("filterStatus", "valueCode", "\"active\"")))), 422, "INVALID_PARAMETER");
    }

    @Test
    void eachForbiddenCombinationWithProblems() {
        String problems = param("includeProblems");
        for (String other : forbiddenWithConsultationsAndProblems()) {
            assertOutcome(post(parameters(nhsNumber(PATIENT2), problems, other)), 422, "INVALID_PARAMETER");
        }
        // problems may filter themselves
        record(parameters(nhsNumber(PATIENT2), param("includeProblems", part("filterStatus", "valueCode", "\"active\""))));
    }

    @Test
    void unfilteredAreasMayBeCombinedFreely() {
        // §2: any combination of top-level parameters is allowed
        record(parameters(nhsNumber(PATIENT2), param("includeConsultations"), param("includeProblems"), allergies(true),
                param("includeMedication"), param("includeImmunisations"), param("includeUncategorisedData"),
                param("includeInvestigations"), param("includeReferrals"), param("includeDiaryEntries")));
    }

    @Test
    void predefinedSearchOne() {
        Bundle bundle = record(predefinedSearch1());
        assertThat(hasList(bundle, "Medications and medical devices")).isTrue();
        assertThat(hasList(bundle, "Allergies and adverse reactions")).isTrue();
        assertThat(hasList(bundle, "Ended allergies")).isTrue();
    }

    @Test
    void predefinedSearchTwo() {
        record(parameters(nhsNumber(PATIENT2),
                param("includeConsultations", part("includeNumberOfMostRecent", "valuePositiveInt", "3")),
                param("includeProblems"), allergies(true),
                param("includeMedication", date("medicationSearchFromDate", LocalDate.now().minusDays(365).toString())),
                param("includeImmunisations"), param("includeUncategorisedData")));
    }

    @Test
    void nearMissesOfThePredefinedSearchesAreRejected() {
        String date = date("medicationSearchFromDate", LocalDate.now().minusDays(365).toString());
        // resolved allergies not asked for
        assertOutcome(post(parameters(nhsNumber(PATIENT2),
                param("includeConsultations", part("includeNumberOfMostRecent", "valuePositiveInt", "3")),
                param("includeProblems"), allergies(false), param("includeMedication", date))), 422, "INVALID_PARAMETER");
        // an extra area
        assertOutcome(post(parameters(nhsNumber(PATIENT2),
                param("includeConsultations", part("includeNumberOfMostRecent", "valuePositiveInt", "3")),
                param("includeProblems"), allergies(true), param("includeMedication", date), param("includeReferrals"))),
                422, "INVALID_PARAMETER");
        // no most-recent count
        assertOutcome(post(parameters(nhsNumber(PATIENT2), param("includeConsultations"),
                param("includeProblems"), allergies(true), param("includeMedication", date))), 422, "INVALID_PARAMETER");
    }

    // ------------------------------------------------------------------ §5: unrecognised parameters and parts

    @Test
    void unrecognisedParametersAndPartsAreWarnings() {
        Bundle bundle = record(parameters(nhsNumber(PATIENT2), allergies(true), param("includeEverything"),
                param("includeMedication", part("filterPrescriptionType", "valueCode", "\"acute\"")),
                param("includeMadeUp", part("alsoMadeUp", "valueBoolean", "true"))));
        assertThat(warnings(bundle)).containsExactly(
                "includeEverything is an unrecognised parameter|includeEverything",
                "includeMadeUp is an unrecognised parameter|includeMadeUp",
                "includeMedication.filterPrescriptionType is an unrecognised parameter|includeMedication.filterPrescriptionType");
        assertThat(hasList(bundle, "Medications and medical devices")).isTrue();
    }

    @Test
    void warningIssuesAreCodedNotImplemented() {
        post(parameters(nhsNumber(PATIENT2), allergies(true), param("includeEverything"))).statusCode(200)
                .body("entry.resource.find { it.resourceType == 'OperationOutcome' }.meta.profile[0]",
                        org.hamcrest.Matchers.equalTo("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1"))
                .body("entry.resource.find { it.resourceType == 'OperationOutcome' }.issue[0].severity", org.hamcrest.Matchers.equalTo("warning"))
                .body("entry.resource.find { it.resourceType == 'OperationOutcome' }.issue[0].code", org.hamcrest.Matchers.equalTo("not-supported"))
                .body("entry.resource.find { it.resourceType == 'OperationOutcome' }.issue[0].details.coding[0].system", org.hamcrest.Matchers.equalTo(SPINE_CODES))
                .body("entry.resource.find { it.resourceType == 'OperationOutcome' }.issue[0].details.coding[0].code", org.hamcrest.Matchers.equalTo("NOT_IMPLEMENTED"))
                .body("entry.resource.find { it.resourceType == 'OperationOutcome' }.issue[0].details.coding[0].display", org.hamcrest.Matchers.equalTo("Not implemented"));
    }

    @Test
    void noParameterValueIsNeededForPartlessAreas() {
        // §2: {"name":"includeProblems"} without value or part is allowed (JSON and XML)
        record(parameters(nhsNumber(PATIENT2), param("includeMedication")));
        caller().contentType("application/fhir+xml;charset=utf-8").body("<Parameters xmlns=\"http://hl7.org/fhir\">"
                        + "<parameter><name value=\"patientNHSNumber\"/><valueIdentifier><system value=\"https://fhir.nhs.uk/Id/nhs-number\"/>"
                        + "<value value=\"" + PATIENT2 + "\"/></valueIdentifier></parameter>"
                        + "<parameter><name value=\"includeMedication\"/></parameter></Parameters>")
                .when().post(OPERATION).then().statusCode(200);
    }

    static String predefinedSearch1() {
        return parameters(nhsNumber(PATIENT2),
                param("includeConsultations", part("includeNumberOfMostRecent", "valuePositiveInt", "3")),
                param("includeProblems"), allergies(true),
                param("includeMedication", date("medicationSearchFromDate", LocalDate.now().minusDays(365).toString())));
    }

    private static String[] forbiddenWithConsultationsAndProblems() {
        return new String[] {
            param("includeMedication", date("medicationSearchFromDate", "2015-01-01")),
            param("includeUncategorisedData", period("uncategorisedDataSearchPeriod", "2015-01-01", TODAY)),
            param("includeReferrals", period("referralSearchPeriod", "2015-01-01", TODAY)),
            param("includeDiaryEntries", date("diaryEntriesSearchDate", TODAY)),
            param("includeImmunisations", bool("includeNotGiven", true)),
            param("includeImmunisations", bool("includeStatus", false)),
        };
    }
}
