package org.gpconnect.appointment.slot.rest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gpconnect.common.error.GpConnectException;

/**
 * One bound of the slot search window as the consumer wrote it: {@code start=ge...} or {@code end=le...}
 * (appointment-management.md §3.1, §3.2). Accepted forms are exactly a full date {@code yyyy-mm-dd} or a
 * dateTime in UK local time with its offset {@code yyyy-mm-ddThh:mm:ss+hh:mm} (§2), where the offset must be
 * the one the practice's time zone has at that instant (+00:00 in GMT, +01:00 in BST). Everything else is
 * 422 INVALID_PARAMETER naming the parameter: no value, a missing or other prefix, a partial date
 * ({@code yyyy}, {@code yyyy-mm}), an impossible date or time, a dateTime without an offset (or with {@code Z},
 * fractional seconds or no seconds: not the format §2 fixes), or the wrong UK offset.
 *
 * @param written  the bound as written, in the practice's zone; a date stands for the start of that day
 * @param dateOnly whether a date (rather than a dateTime) was sent
 */
record SearchDate(String parameter, ZonedDateTime written, boolean dateOnly) {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2})?");
    // a literal '+' that the consumer did not percent-encode (foundations.md §1 says it must) reaches us
    // form-decoded as a space; nothing else can be meant by a space there, so it is read as '+'
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})([+\\- ])(\\d{2}):(\\d{2})");
    private static final Pattern ANY_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    /**
     * @param prefix the only prefix this parameter accepts: {@code ge} for start, {@code le} for end
     * @param zone   the practice's time zone (Europe/London)
     */
    static SearchDate parse(String parameter, String prefix, String raw, ZoneId zone) {
        String format = prefix + "yyyy-mm-dd or " + prefix + "yyyy-mm-ddThh:mm:ss+hh:mm";
        if (raw.isBlank()) {
            throw invalid("The " + parameter + " parameter has no value; expected " + format);
        }
        String sentPrefix = prefixOf(raw);
        if (sentPrefix == null) {
            throw invalid("The " + parameter + " parameter needs the prefix " + prefix + "; expected " + format);
        }
        if (!sentPrefix.equals(prefix)) {
            throw invalid("The " + parameter + " parameter supports only the prefix " + prefix + ", not " + sentPrefix);
        }
        String value = raw.substring(2);
        if (DATE.matcher(value).matches()) {
            return new SearchDate(parameter, date(parameter, value).atStartOfDay(zone), true);
        }
        Matcher dateTime = DATE_TIME.matcher(value);
        if (dateTime.matches()) {
            return new SearchDate(parameter, dateTime(parameter, dateTime, zone), false);
        }
        if (PARTIAL_DATE.matcher(value).matches()) {
            throw invalid("The " + parameter + " parameter is a partial date; a full date is needed: " + format);
        }
        if (ANY_DATE_TIME.matcher(value).matches()) {
            throw invalid("The " + parameter + " parameter needs a dateTime in UK local time with its offset"
                    + " (+00:00 in GMT, +01:00 in BST), to the second: " + format);
        }
        throw invalid("The " + parameter + " parameter is not a date; expected " + format);
    }

    LocalDate day() {
        return written.toLocalDate();
    }

    /** The two letters before the value, when it starts with two letters (FHIR prefixes are lower-case pairs). */
    private static String prefixOf(String raw) {
        return raw.length() >= 2 && isAsciiLetter(raw.charAt(0)) && isAsciiLetter(raw.charAt(1)) ? raw.substring(0, 2) : null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value); // ISO_LOCAL_DATE is strict: 2026-02-30 is refused, not adjusted
        } catch (DateTimeException e) {
            throw invalid("The " + parameter + " parameter is not a valid calendar date: " + value);
        }
    }

    private static ZonedDateTime dateTime(String parameter, Matcher parts, ZoneId zone) {
        LocalDateTime local;
        ZoneOffset offset;
        try {
            local = LocalDateTime.parse(parts.group(1));
            String sign = parts.group(2).equals("-") ? "-" : "+";
            offset = ZoneOffset.of(sign + parts.group(3) + ":" + parts.group(4));
        } catch (DateTimeException e) {
            throw invalid("The " + parameter + " parameter is not a valid dateTime: " + parts.group());
        }
        // checked at the instant meant, so both sides of the autumn change (01:30+01:00 and 01:30+00:00) are
        // accepted and a spring-gap time (01:30+00:00 on the last Sunday of March, which never happens) is not
        ZoneOffset uk = zone.getRules().getOffset(local.toInstant(offset));
        if (!uk.equals(offset)) {
            throw invalid("The " + parameter + " parameter has the offset " + offset.getId().replace("Z", "+00:00")
                    + ", but UK local time at that moment is " + uk.getId().replace("Z", "+00:00")
                    + " (+00:00 in GMT, +01:00 in BST)");
        }
        return local.atOffset(offset).atZoneSameInstant(zone);
    }

    private static GpConnectException invalid(String diagnostics) {
        return GpConnectException.invalidParameter(diagnostics);
    }
}
