package org.gpconnect.accessrecord.html.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gpconnect.accessrecord.record.PartialDate;
import org.junit.jupiter.api.Test;

/** §4: dates as dd-Mmm-yyyy, whatever the JVM's locale ("Sep", never "Sept"). */
class DisplayDatesTest {

    @Test
    void daysMonthsAndYears() {
        assertThat(DisplayDates.format(LocalDate.of(2016, 9, 1))).isEqualTo("01-Sep-2016");
        assertThat(DisplayDates.format(LocalDate.of(1962, 12, 31))).isEqualTo("31-Dec-1962");
        assertThat(DisplayDates.format(new PartialDate(LocalDate.of(2016, 5, 1), PartialDate.Precision.MONTH))).isEqualTo("May-2016");
        assertThat(DisplayDates.format(new PartialDate(LocalDate.of(2016, 1, 1), PartialDate.Precision.YEAR))).isEqualTo("2016");
        assertThat(DisplayDates.format((LocalDate) null)).isEmpty();
    }

    @Test
    void cellsNeverHoldLineBreaksOrForbiddenCharacters() {
        Cell cell = Cell.text("a\r\nb", null, " ", "c\td\u0000e");
        assertThat(cell.lines()).extracting(Cell.Line::text).containsExactly("a", "b", "c de");
        assertThat(cell.lines()).extracting(Cell.Line::breakBefore).containsExactly(false, true, true);
        assertThat(Cell.date((LocalDate) null).lines()).isEmpty();
    }
}
