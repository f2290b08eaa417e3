package org.gpconnect.gateway.viewer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FHIR date as {@code timePeriod} takes it (access-record-html.md §1.1): a year, a year and month, or a
 * whole date. Kept as written, so the provider receives exactly what the operator typed; the first and
 * last days it covers are only for checking that a range is not reversed.
 */
public record PartialDate(String text, LocalDate firstDay, LocalDate lastDay) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** Parses a date; a clear 400 names the field when it is not one. */
    public static PartialDate parse(String field, String text) {
        Matcher m = FORM.matcher(text);
        if (m.matches()) {
            try {
                int year = Integer.parseInt(m.group(1));
                if (m.group(2) == null) {
                    return new PartialDate(text, Year.of(year).atDay(1), Year.of(year).atMonth(12).atEndOfMonth());
                }
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
                if (m.group(3) == null) {
                    return new PartialDate(text, month.atDay(1), month.atEndOfMonth());
                }
                LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
                return new PartialDate(text, day, day);
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw ViewerProblem.badInput("'" + field + "' must be a date as YYYY, YYYY-MM or YYYY-MM-DD");
    }
}
