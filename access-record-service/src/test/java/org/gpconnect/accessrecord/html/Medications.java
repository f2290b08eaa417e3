package org.gpconnect.accessrecord.html;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The dataset's medication dates as the seed loads them: shifted by the whole months from 2018-10 to today. */
final class Medications {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private Medications() {
    }

    static LocalDate shiftedDate(String date) {
        long months = ChronoUnit.MONTHS.between(LocalDate.of(2018, 10, 1), LocalDate.now().withDayOfMonth(1));
        return LocalDate.parse(date).plusMonths(months);
    }

    /** As the view shows it (§4: dd-Mmm-yyyy). */
    static String shifted(String date) {
        return display(shiftedDate(date));
    }

    static String display(LocalDate date) {
        return String.format("%02d-%s-%d", date.getDayOfMonth(), MONTHS[date.getMonthValue() - 1], date.getYear());
    }
}
