package org.gpconnect.appointment.slot.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.ZoneId;
import org.gpconnect.appointment.slot.SlotQuery;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.junit.jupiter.api.Test;

/**
 * The window rules of appointment-management.md §3.1/§3.2 as {@link SlotSearchParameters} defines them,
 * on fixed dates (so clock changes can be pinned): what a date bound means, where 14 days ends, "end
 * before start" and the UK offset at either side of a clock change. The HTTP behaviour is in
 * SlotSearchParametersTest.
 */
class SlotSearchParametersUnitTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aDateStartIsTheStartOfThatDayAndADateEndTheEndOfItsDay() {
        SlotQuery query = parse("ge2026-12-01", "le2026-12-15");
        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-16T00:00:00Z"));
        // in summer the local midnights are 23:00 UTC
        SlotQuery summer = parse("ge2027-07-01", "le2027-07-01");
        assertThat(summer.from()).isEqualTo(Instant.parse("2027-06-30T23:00:00Z"));
        assertThat(summer.to()).isEqualTo(Instant.parse("2027-07-01T23:00:00Z"));
    }

    @Test
    void dateTimeBoundsAreTheInstantsWritten() {
        SlotQuery query = parse("ge2027-07-01T09:30:00+01:00", "le2027-07-01T12:00:00+01:00");
        assertThat(query.from()).isEqualTo(Instant.parse("2027-07-01T08:30:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2027-07-01T11:00:00Z"));
    }

    @Test
    void fourteenDaysOfDatesIsTheLimit() {
        assertThat(parse("ge2026-12-01", "le2026-12-15").to()).isEqualTo(Instant.parse("2026-12-16T00:00:00Z"));
        assertInvalid("ge2026-12-01", "le2026-12-16", "14 days");
        assertThat(parse("ge2026-12-01", "le2026-12-01").from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void fourteenDaysIsCountedInCalendarDaysAcrossClockChanges() {
        // autumn 2027: clocks go back on 31 October; 14 calendar days are 14 days and an hour of elapsed time
        parse("ge2027-10-20", "le2027-11-03");
        parse("ge2027-10-20T10:00:00+01:00", "le2027-11-03T10:00:00+00:00");
        assertInvalid("ge2027-10-20T10:00:00+01:00", "le2027-11-03T10:00:01+00:00", "14 days");
        // spring 2027: clocks go forward on 28 March; 14 calendar days are 13 days and 23 hours
        parse("ge2027-03-20T10:00:00+00:00", "le2027-04-03T10:00:00+01:00");
        assertInvalid("ge2027-03-20T10:00:00+00:00", "le2027-04-03T10:00:01+01:00", "14 days");
    }

    @Test
    void aDateEndIsBeforeStartOnlyWhenItsDayIs() {
        SlotQuery restOfDay = parse("ge2026-12-01T10:00:00+00:00", "le2026-12-01");
        assertThat(restOfDay.to()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertInvalid("ge2026-12-02", "le2026-12-01", "before");
        assertInvalid("ge2026-12-02T00:00:00+00:00", "le2026-12-01", "before");
        assertInvalid("ge2026-12-01T10:00:00+00:00", "le2026-12-01T09:59:59+00:00", "before");
        assertThat(parse("ge2026-12-01T10:00:00+00:00", "le2026-12-01T10:00:00+00:00").to())
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void theOffsetMustBeTheUkOffsetAtThatInstant() {
        // the hour repeated in autumn exists twice, once in BST and once in GMT: both are right
        assertThat(parse("ge2027-10-31T01:30:00+01:00", "le2027-10-31T01:30:00+00:00").from())
                .isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        // the hour skipped in spring never happens in UK local time
        assertInvalid("ge2027-03-28T01:30:00+00:00", "le2027-03-28T12:00:00+01:00", "UK local time");
        assertInvalid("ge2027-03-28T01:30:00+01:00", "le2027-03-28T12:00:00+01:00", "UK local time");
        // just before and after the spring change
        parse("ge2027-03-28T00:59:59+00:00", "le2027-03-28T02:00:00+01:00");
    }

    @Test
    void anUnencodedPlusInTheOffsetIsRead() {
        assertThat(parse("ge2027-07-01T09:30:00 01:00", "le2027-07-01T12:00:00 01:00").from())
                .isEqualTo(Instant.parse("2027-07-01T08:30:00Z"));
    }

    @Test
    void searchFiltersAndIncludesAreRead() {
        MultivaluedMap<String, String> query = standard("ge2026-12-01", "le2026-12-02");
        query.add("searchFilter", "https://fhir.nhs.uk/Id/ods-organization-code|B82617");
        query.add("searchFilter", "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1|urgent-care");
        query.add("searchFilter", "https://example.org/other|x");
        query.add("searchFilter", "B81016");
        query.add("_include:recurse", "Schedule:actor:Location");
        SlotQuery parsed = SlotSearchParameters.parse(query, LONDON);
        assertThat(parsed.odsCodes()).containsExactly("B82617");
        assertThat(parsed.organisationTypes()).containsExactly("urgent-care");
        assertThat(parsed.includeLocations()).isTrue();
        assertThat(parsed.includePractitioners()).isFalse();
    }

    private static SlotQuery parse(String start, String end) {
        return SlotSearchParameters.parse(standard(start, end), LONDON);
    }

    private static void assertInvalid(String start, String end, String diagnostics) {
        assertThatThrownBy(() -> parse(start, end))
                .isInstanceOfSatisfying(GpConnectException.class, e -> {
                    assertThat(e.spineCode()).isEqualTo(SpineCode.INVALID_PARAMETER);
                    assertThat(e.diagnostics()).contains(diagnostics);
                });
    }

    private static MultivaluedMap<String, String> standard(String start, String end) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add("start", start);
        query.add("end", end);
        query.add("status", "free");
        query.add("_include", "Slot:schedule");
        return query;
    }
}
