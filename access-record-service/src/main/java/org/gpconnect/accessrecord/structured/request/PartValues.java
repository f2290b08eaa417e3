package org.gpconnect.accessrecord.structured.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.gpconnect.common.error.GpConnectException;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.Type;

/**
 * Reads the value of one validated part (its type already checked) and applies the value rules of
 * access-record-structured.md §2/§3. Every failure is 422 {@code INVALID_PARAMETER} naming the part as
 * {@code parameter.part}.
 */
final class PartValues {

    /** A full date and nothing else: no partial date, no time, no offset. */
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PartValues() {
    }

    static boolean bool(String name, Type value) {
        Boolean b = ((BooleanType) value).getValue();
        if (b == null) {
            throw invalid(name, "is not a boolean (true or false)");
        }
        return b;
    }

    static int positiveInt(String name, Type value) {
        Integer n = ((PositiveIntType) value).getValue();
        if (n == null || n < 1) {
            throw invalid(name, "is not a positive integer");
        }
        return n;
    }

    static String code(String name, Type value) {
        String code = ((CodeType) value).getValue();
        if (code == null || code.isBlank()) {
            throw invalid(name, "has no code");
        }
        return code;
    }

    /** A full date ({@code yyyy-mm-dd}) from a {@code valueDate} (or {@code valueDateTime}). */
    static LocalDate fullDate(String name, Type value) {
        return fullDate(name, ((PrimitiveType<?>) value).getValueAsString());
    }

    /** A period of full dates, start not after end; either end may be absent but not both. */
    static DateRange period(String name, Type value) {
        Period period = (Period) value;
        LocalDate start = period.hasStartElement() ? fullDate(name + ".start", period.getStartElement().getValueAsString()) : null;
        LocalDate end = period.hasEndElement() ? fullDate(name + ".end", period.getEndElement().getValueAsString()) : null;
        if (start == null && end == null) {
            throw invalid(name, "has neither a start nor an end");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid(name, "starts after it ends");
        }
        return new DateRange(start, end);
    }

    static void notAfter(String name, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            throw invalid(name, "is in the future");
        }
    }

    static void notBefore(String name, LocalDate date, LocalDate today) {
        if (date != null && date.isBefore(today)) {
            throw invalid(name, "is in the past");
        }
    }

    static Optional<Boolean> optionalBool(String name, Type value) {
        return value == null ? Optional.empty() : Optional.of(bool(name, value));
    }

    static OptionalInt optionalPositiveInt(String name, Type value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(positiveInt(name, value));
    }

    private static LocalDate fullDate(String name, String raw) {
        if (raw == null || !FULL_DATE.matcher(raw).matches()) {
            throw invalid(name, "must be a full date (yyyy-mm-dd) without a time: '" + raw + "'");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw invalid(name, "is not a valid date: '" + raw + "'");
        }
    }

    static GpConnectException invalid(String name, String problem) {
        return GpConnectException.invalidParameter("Parameter " + name + " " + problem);
    }
}
