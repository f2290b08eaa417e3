package org.gpconnect.appointment.slot;

import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.gpconnect.appointment.slot.SlotSearchApi.query;
import static org.gpconnect.appointment.slot.SlotSearchApi.search;
import static org.gpconnect.appointment.slot.SlotSearchApi.today;
import static org.gpconnect.appointment.slot.SlotSearchApi.ukDateTime;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.appointment.slot.SlotSearchApi.Query;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parameters of search for free slots and their errors, one test per row of appointment-management.md
 * §3.1 and §3.2 (400 BAD_REQUEST for a missing mandatory parameter, 422 INVALID_PARAMETER naming the
 * parameter for a bad value), the §2 date-time format (UK local time with the UK offset of that instant) and
 * foundations.md §4 (unknown parameters ignored), as the provider test pack exercises them
 * (SearchForFreeSlots.feature).
 */
@QuarkusTest
class SlotSearchParametersTest {

    private static final LocalDate TOMORROW = today().plusDays(1);
    // dates well clear of any clock change, to test offsets in each half of the year
    private static final LocalDate WINTER = LocalDate.of(today().getYear() + 1, 1, 15);
    private static final LocalDate SUMMER = LocalDate.of(today().getYear() + 1, 7, 15);

    private static Query valid() {
        return query(TOMORROW, TOMORROW.plusDays(3));
    }

    // ---------------------------------------------------------------- 400: mandatory parameters

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"start", "end", "status", "_include"})
    void aMissingMandatoryParameterIs400(String parameter) {
        assertOutcome(search(valid().without(parameter)), 400, "BAD_REQUEST")
                .body("issue[0].diagnostics", containsString(parameter));
    }

    @Test
    void missingStartAndEndIs400() {
        assertOutcome(search(valid().without("start").without("end")), 400, "BAD_REQUEST");
    }

    @Test
    void parameterNamesAreCaseSensitive() {
        assertOutcome(search(valid().without("status").add("Status", "free")), 400, "BAD_REQUEST");
    }

    @Test
    void anIncludeOtherThanSlotScheduleDoesNotReplaceIt() {
        assertOutcome(search(valid().without("_include").add("_include", "Schedule:actor:Practitioner")
                .include("Schedule:actor:Location")), 400, "BAD_REQUEST")
                .body("issue[0].diagnostics", containsString("_include=Slot:schedule"));
    }

    @ParameterizedTest(name = "{0} twice")
    @ValueSource(strings = {"start", "end", "status"})
    void aRepeatedSingleParameterIs400(String parameter) {
        Query query = valid();
        String value = switch (parameter) {
            case "start" -> "ge" + TOMORROW;
            case "end" -> "le" + TOMORROW.plusDays(1);
            default -> "free";
        };
        assertOutcome(search(query.add(parameter, value)), 400, "BAD_REQUEST")
                .body("issue[0].diagnostics", containsString(parameter));
    }

    @Test
    void slotScheduleMayBeIncludedAlongsideOtherIncludes() {
        search(valid().add("_include", "Schedule:actor:Practitioner").add("_include", "Slot:schedule")).statusCode(200);
    }

    // ---------------------------------------------------------------- 422: status

    @ParameterizedTest(name = "status={0}")
    @ValueSource(strings = {"busy", "busy-unavailable", "FREE", "", "free,busy"})
    void statusOtherThanFreeIs422(String status) {
        assertOutcome(search(valid().replace("status", status)), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("status"));
    }

    // ---------------------------------------------------------------- 422: values of start and end

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(value = {
            "start|''", "end|''",
            "start|invalidStartDate", "end|invalidEnddate",
            "start|ge", "end|le",
            "start|genot-a-date", "end|le20261201",
            "start|ge2026-02-30", "end|le2026-13-01",
            "start|ge2026-12-01T25:00:00+00:00", "end|le2026-12-01T10:61:00+00:00"}, delimiter = '|')
    void emptyOrInvalidDatesAre422(String parameter, String value) {
        assertOutcome(search(valid().replace(parameter, value)), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString(parameter));
    }

    @ParameterizedTest(name = "start={0}{1}, end={2}{3}")
    @CsvSource({
            // the test pack's invalid pairs
            "lt, gt", "gt, gt", "lt, lt", "le, ge", "eq, eq", "gt, lt",
            // its unknown pairs
            "ne, ne", "gt, ne", "ne, lt", "ge, ne", "ne, le",
            // each bound wrong on its own
            "le, le", "eq, le", "sa, le", "eb, le", "ap, le", "GE, le",
            "ge, ge", "ge, eq", "ge, lt", "ge, sa", "ge, LE"})
    void anyPrefixButGeOnStartAndLeOnEndIs422(String startPrefix, String endPrefix) {
        Query query = valid().replace("start", startPrefix + TOMORROW).replace("end", endPrefix + TOMORROW.plusDays(3));
        assertOutcome(search(query), 422, "INVALID_PARAMETER").body("issue[0].diagnostics", containsString("prefix"));
    }

    @Test
    void noPrefixIs422() {
        assertOutcome(search(valid().replace("start", TOMORROW.toString())), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("start"));
        assertOutcome(search(valid().replace("end", TOMORROW.plusDays(3).toString())), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("end"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"start, ge2026", "start, ge2026-12", "end, le2026", "end, le2026-12"})
    void partialDatesAre422(String parameter, String value) {
        assertOutcome(search(valid().replace(parameter, value)), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString(parameter))
                .body("issue[0].diagnostics", containsString("partial"));
    }

    @ParameterizedTest(name = "start=ge{0}")
    @ValueSource(strings = {"T10:00:00", "T10:00:00Z", "T10:00", "T10:00:00.000+00:00", "T10"})
    void dateTimesWithoutAnOffsetOrNotToTheSecondAre422(String time) {
        assertOutcome(search(valid().replace("start", "ge" + TOMORROW + time)), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("start"));
        assertOutcome(search(valid().replace("end", "le" + TOMORROW.plusDays(1) + time)), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("end"));
    }

    @Test
    void theTestPacksInvalidDateTimeFormatPairsAre422() {
        String noOffset = TOMORROW + "T10:00:00";
        String zulu = TOMORROW.plusDays(1) + "T10:00:00Z";
        for (String[] pair : new String[][]{
                {noOffset, TOMORROW.plusDays(1) + "T10:00:00"}, {zulu, noOffset}, {noOffset, zulu},
                {Integer.toString(TOMORROW.getYear()), TOMORROW.toString().substring(0, 7)},
                {TOMORROW.toString().substring(0, 7), Integer.toString(TOMORROW.getYear())}}) {
            assertOutcome(search(query(pair[0], pair[1])), 422, "INVALID_PARAMETER");
        }
    }

    @Test
    void theWrongUkOffsetIs422InWinterAndInSummer() {
        // +01:00 in GMT
        assertOutcome(search(query(WINTER + "T10:00:00+01:00", WINTER + "T12:00:00+00:00")), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("start"))
                .body("issue[0].diagnostics", containsString("+00:00"));
        assertOutcome(search(query(WINTER + "T10:00:00+00:00", WINTER + "T12:00:00+01:00")), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("end"));
        // +00:00 in BST
        assertOutcome(search(query(SUMMER + "T10:00:00+00:00", SUMMER + "T12:00:00+01:00")), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("start"))
                .body("issue[0].diagnostics", containsString("+01:00"));
        assertOutcome(search(query(SUMMER + "T10:00:00+01:00", SUMMER + "T12:00:00+00:00")), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("end"));
        // offsets the UK never has
        assertOutcome(search(query(SUMMER + "T10:00:00+02:00", SUMMER + "T12:00:00+01:00")), 422, "INVALID_PARAMETER");
        assertOutcome(search(query(WINTER + "T10:00:00-05:00", WINTER + "T12:00:00+00:00")), 422, "INVALID_PARAMETER");
    }

    @Test
    void theRightUkOffsetIsAcceptedInWinterAndInSummer() {
        search(query(WINTER + "T10:00:00+00:00", WINTER + "T12:00:00+00:00")).statusCode(200);
        search(query(SUMMER + "T10:00:00+01:00", SUMMER + "T12:00:00+01:00")).statusCode(200);
    }

    @Test
    void anOffsetPlusSentUnencodedIsReadAsPlus() {
        // a '+' left raw in a query string is form-decoded to a space; nothing else can be meant there
        String start = ukDateTime(TOMORROW, "10:00");
        String end = ukDateTime(TOMORROW, "11:00");
        String url = SlotSearchApi.SLOTS + "?start=ge" + start + "&end=le" + end + "&status=free&_include=Slot%3Aschedule";
        FoundationsApi.as(Interaction.SLOT_SEARCH).urlEncodingEnabled(false).when().get(url).then().statusCode(200)
                .body("entry.size()", greaterThan(0));
    }

    @ParameterizedTest(name = "start {0}, end {1}")
    @CsvSource({"date, date", "dateTime, dateTime", "dateTime, date", "date, dateTime"})
    void theTestPacksValidFormatPairsAreAccepted(String startForm, String endForm) {
        LocalDate end = TOMORROW.plusDays(3);
        String start = startForm.equals("date") ? TOMORROW.toString() : ukDateTime(TOMORROW, "08:00");
        String finish = endForm.equals("date") ? end.toString() : ukDateTime(end, "18:00");
        search(query(start, finish).filter("FilterCategory-7", "OtherConsumerCategory")).statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"));
    }

    // ---------------------------------------------------------------- 422: the window

    @ParameterizedTest(name = "{0} days")
    @ValueSource(ints = {0, 1, 8, 14})
    void windowsOfZeroToFourteenDaysAreAccepted(int days) {
        search(query(TOMORROW, TOMORROW.plusDays(days))).statusCode(200).body("type", equalTo("searchset"));
    }

    @ParameterizedTest(name = "{0} days")
    @ValueSource(ints = {15, 31, -1, -14})
    void windowsLongerThanFourteenDaysOrNegativeAre422(int days) {
        assertOutcome(search(query(TOMORROW, TOMORROW.plusDays(days))), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("end"));
    }

    @Test
    void fourteenDaysBetweenDateTimesIsTheLimitToTheSecond() {
        search(query(ukDateTime(TOMORROW, "10:00"), ukDateTime(TOMORROW.plusDays(14), "10:00"))).statusCode(200);
        assertOutcome(search(query(ukDateTime(TOMORROW, "10:00"), ukDateTime(TOMORROW.plusDays(14), "10:00:01"))),
                422, "INVALID_PARAMETER");
        // a date start counts from 00:00, so a dateTime end later than 00:00 fourteen days on is too far
        assertOutcome(search(query(TOMORROW, ukDateTime(TOMORROW.plusDays(14), "00:00:01"))), 422, "INVALID_PARAMETER");
    }

    @Test
    void fourteenCalendarDaysAcrossAClockChangeAreAccepted() {
        // last Sunday of October: the window is 14 days of the calendar but 14 days and an hour of elapsed time
        LocalDate autumn = LocalDate.of(today().getYear() + 1, 10, 20);
        search(query(ukDateTime(autumn, "10:00"), ukDateTime(autumn.plusDays(14), "10:00"))).statusCode(200);
        LocalDate spring = LocalDate.of(today().getYear() + 1, 3, 20);
        search(query(ukDateTime(spring, "10:00"), ukDateTime(spring.plusDays(14), "10:00"))).statusCode(200);
        assertOutcome(search(query(ukDateTime(autumn, "10:00"), ukDateTime(autumn.plusDays(14), "10:00:01"))),
                422, "INVALID_PARAMETER");
    }

    @Test
    void endBeforeStartIs422() {
        assertOutcome(search(query(TOMORROW.plusDays(2), TOMORROW.plusDays(1))), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("before"));
        assertOutcome(search(query(ukDateTime(TOMORROW, "10:00"), ukDateTime(TOMORROW, "09:59:59"))), 422, "INVALID_PARAMETER");
        assertOutcome(search(query(ukDateTime(TOMORROW, "00:00:01"), TOMORROW.minusDays(1))), 422, "INVALID_PARAMETER");
    }

    @Test
    void aDateEndIsTheWholeDaySoTheRestOfTheStartDayIsAWindow() {
        search(query(ukDateTime(TOMORROW, "16:00"), TOMORROW)).statusCode(200)
                .body("entry.findAll { it.resource.resourceType == 'Slot' }.size()", equalTo(3 * 6));
        // start and end at the same instant: an empty but valid window (0 days)
        search(query(ukDateTime(TOMORROW, "10:00"), ukDateTime(TOMORROW, "10:00"))).statusCode(200)
                .body("entry", nullValue());
    }

    // ---------------------------------------------------------------- ignored

    @Test
    void unknownParametersAndIncludesAreIgnored() {
        search(valid()
                .add("_count", "1")
                .add("foo", "bar")
                .add("service.identifier", "https://fhir.nhs.uk/Id/uec-dos-service-id|12345")
                .include("Schedule:actor:HealthcareService")
                .include("Location:managingOrganization")
                .add("_include", "Slot:unknown"))
                .statusCode(200).body("type", equalTo("searchset"));
    }

    @Test
    void checksAnswerWithNoStoreLikeEveryResponse() {
        assertOutcome(search(query(TOMORROW, TOMORROW.plusDays(30))), 422, "INVALID_PARAMETER");
        search(valid()).statusCode(200).header("Cache-Control", "no-store");
    }
}
