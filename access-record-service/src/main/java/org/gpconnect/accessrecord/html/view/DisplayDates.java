package org.gpconnect.accessrecord.html.view;

import java.time.LocalDate;
import org.gpconnect.accessrecord.record.PartialDate;

/**
 * Dates as the HTML views show them (access-record-html.md §4): {@code dd-Mmm-yyyy}, e.g. {@code 01-Sep-2016}.
 * The month abbreviations are spelled out rather than taken from a locale: the JDK's English locales do not
 * agree ({@code en_GB} gives "Sept").
 */
public final class DisplayDates {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private DisplayDates() {
    }

    public static String format(LocalDate date) {
        if (date == null) {
            return "";
        }
        return String.format("%02d-%s-%04d", date.getDayOfMonth(), MONTHS[date.getMonthValue() - 1], date.getYear());
    }

    /** A recorded date with only what is known: {@code 2016}, {@code May-2016} or {@code 01-May-2016}. */
    public static String format(PartialDate date) {
        if (date == null) {
            return "";
        }
        return switch (date.precision()) {
            case YEAR -> String.format("%04d", date.first().getYear());
            case MONTH -> MONTHS[date.first().getMonthValue() - 1] + "-" + String.format("%04d", date.first().getYear());
            case DAY -> format(date.first());
        };
    }
}
