package org.gpconnect.appointment.booking.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gpconnect.common.error.GpConnectException;

/**
 * The {@code start} parameters of a search for a patient's appointments (appointment-management.md §8): exactly
 * two, {@code start=ge{yyyy-mm-dd}} and {@code start=le{yyyy-mm-dd}}, full dates without a time, the lower one
 * today or later (the past cannot be searched), the upper one not before the lower one. No maximum window is
 * defined. Every failure is 422 INVALID_PARAMETER.
 *
 * @param from the first day searched
 * @param to   the last day searched (included)
 */
record AppointmentSearchPeriod(LocalDate from, LocalDate to) {

    private static final Pattern BOUND = Pattern.compile("([a-z]{2})?(.*)", Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String FORMAT = "start=ge{yyyy-mm-dd}&start=le{yyyy-mm-dd}";

    /** @param today the practice's local date */
    static AppointmentSearchPeriod parse(MultivaluedMap<String, String> query, LocalDate today) {
        List<String> values = query.get("start");
        if (values == null || values.size() != 2) {
            throw invalid("The search needs exactly two start parameters, " + FORMAT);
        }
        LocalDate from = null;
        LocalDate to = null;
        for (String value : values) {
            Matcher bound = BOUND.matcher(value);
            bound.matches();
            String prefix = bound.group(1);
            LocalDate day = date(bound.group(2));
            if ("ge".equals(prefix) && from == null) {
                from = day;
            } else if ("le".equals(prefix) && to == null) {
                to = day;
            } else {
                throw invalid("The start parameters must be one with the prefix ge and one with le: " + FORMAT);
            }
        }
        if (from.isBefore(today) || to.isBefore(today)) {
            throw invalid("Appointments in the past cannot be requested: the start parameters must be today ("
                    + today + ") or later");
        }
        if (to.isBefore(from)) {
            throw invalid("The start=le date is before the start=ge date");
        }
        return new AppointmentSearchPeriod(from, to);
    }

    private static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw invalid("The start parameters must be full dates without a time: " + FORMAT);
        }
        try {
            return LocalDate.parse(text); // strict: 2026-02-30 is refused, not adjusted
        } catch (DateTimeException e) {
            throw invalid("The start parameter " + text + " is not a valid calendar date");
        }
    }

    private static GpConnectException invalid(String diagnostics) {
        return GpConnectException.invalidParameter(diagnostics);
    }
}
