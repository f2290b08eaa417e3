package org.gpconnect.accessrecord.html.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.common.error.GpConnectException;
import org.junit.jupiter.api.Test;

/** access-record-html.md §1.1 partial dates and §4.2 "Date filter semantics", without a server. */
class TimePeriodTest {

    @Test
    void partialDatesExpandToWholeIntervals() {
        TimePeriod period = new TimePeriod(PeriodDates.parse("start", "2012"), PeriodDates.parse("end", "2016-09"));
        assertThat(period.firstDay()).isEqualTo(LocalDate.of(2012, 1, 1));
        assertThat(period.lastDay()).isEqualTo(LocalDate.of(2016, 9, 30));
        assertThat(PeriodDates.parse("end", "2016-02").last()).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(PeriodDates.parse("start", "2016-02-03T23:30:00-05:00").first()).isEqualTo(LocalDate.of(2016, 2, 3));
    }

    @Test
    void inclusiveWholeDaysAndOpenEnds() {
        TimePeriod day = new TimePeriod(PartialDate.day(LocalDate.of(2016, 1, 1)), PartialDate.day(LocalDate.of(2016, 1, 1)));
        assertThat(day.includes(PartialDate.day(LocalDate.of(2016, 1, 1)))).isTrue();
        assertThat(day.includes(PartialDate.day(LocalDate.of(2016, 1, 2)))).isFalse();
        assertThat(day.includes(PeriodDates.parse("x", "2016"))).as("a year that may include the day").isTrue();
        TimePeriod from = new TimePeriod(PartialDate.day(LocalDate.of(2016, 1, 1)), null);
        assertThat(from.includes(PartialDate.day(LocalDate.of(2999, 1, 1)))).as("no end: future included").isTrue();
        assertThat(from.overlaps(LocalDate.of(2010, 1, 1), null)).as("ongoing since before the start").isTrue();
        assertThat(from.overlaps(LocalDate.of(2010, 1, 1), LocalDate.of(2015, 12, 31))).isFalse();
        TimePeriod until = new TimePeriod(null, PartialDate.day(LocalDate.of(2016, 1, 1)));
        assertThat(until.includes(PartialDate.day(LocalDate.of(1900, 1, 1)))).isTrue();
        assertThat(until.includes(PartialDate.day(LocalDate.of(2016, 1, 2)))).isFalse();
    }

    @Test
    void onlyRealDatesOfTheAcceptedFormsAreRead() {
        for (String bad : new String[] {"2016-13", "2016-02-30", "201", "2016-1-1", "2016-01-01T10:00:00", "2016-01-01T10:00Z", "", "abcd"}) {
            assertThatThrownBy(() -> PeriodDates.parse("start", bad)).as(bad).isInstanceOf(GpConnectException.class)
                    .extracting(e -> ((GpConnectException) e).httpStatus()).isEqualTo(422);
        }
    }
}
