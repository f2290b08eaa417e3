package org.gpconnect.accessrecord.html.request;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.common.error.GpConnectException;

/**
 * Reads one end of a {@code timePeriod} (access-record-html.md §1.1: dates may be partial). Accepted: a
 * year ({@code 2012}), a month ({@code 2016-09}), a day ({@code 2016-09-30}), or a dateTime with seconds and
 * a UTC offset (its calendar day as written). A dateTime without an offset is refused, as the 0.7.4 test pack
 * expects (access_record_html.yaml "time_period_dateTime_without_offset"), and so is anything that is not a
 * real date: 422 {@code INVALID_PARAMETER}.
 */
final class PeriodDates {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private PeriodDates() {
    }

    static PartialDate parse(String name, String raw) {
        try {
            if (raw != null && YEAR.matcher(raw).matches()) {
                return new PartialDate(LocalDate.of(Integer.parseInt(raw), 1, 1), PartialDate.Precision.YEAR);
            }
            if (raw != null && MONTH.matcher(raw).matches()) {
                return new PartialDate(YearMonth.parse(raw).atDay(1), PartialDate.Precision.MONTH);
            }
            if (raw != null && DAY.matcher(raw).matches()) {
                return PartialDate.day(LocalDate.parse(raw));
            }
            if (raw != null && DATE_TIME.matcher(raw).matches()) {
                return PartialDate.day(OffsetDateTime.parse(raw).toLocalDate());
            }
        } catch (DateTimeParseException e) {
            throw invalid(name, raw);
        }
        throw invalid(name, raw);
    }

    static GpConnectException invalid(String name, String raw) {
        return GpConnectException.invalidParameter("timePeriod." + name + " is not a valid date: '" + printable(raw) + "'");
    }

    /** Client input goes back into diagnostics only bounded and printable. */
    private static String printable(String raw) {
        if (raw == null) {
            return "";
        }
        String bounded = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return bounded.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
