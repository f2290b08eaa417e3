package org.gpconnect.appointment.slot.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.appointment.slot.SlotQuery;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.identifier.IdentifierSystems;

/**
 * Reads and validates the query of {@code GET [base]/Slot} (appointment-management.md §3.1, §3.2) into a
 * {@link SlotQuery}, from the raw multi-valued query so repeated parameters are seen.
 *
 * <p>Order of checks: first that every mandatory parameter is there exactly once (else 400 BAD_REQUEST:
 * {@code start}, {@code end}, {@code status}, and an {@code _include=Slot:schedule} among the
 * {@code _include}s), then the values (else 422 INVALID_PARAMETER naming the parameter). A repeated
 * {@code start}, {@code end} or {@code status} is a 400 like a missing one: the spec gives them cardinality
 * 1..1 and Foundations answers a repeated mandatory search parameter the same way (foundations.md §9).
 * Unknown parameters, unknown {@code _include} values and searchFilter tokens of unknown systems are ignored
 * (§3.1, foundations.md §4).
 *
 * <p><b>The window.</b> {@code end - start} must be 0 to 14 days, measured on the bounds as written, a date
 * counting as the start of that day: so {@code start=ge2026-12-01&end=le2026-12-15} is 14 days and accepted,
 * {@code end=le2026-12-16} is 15 and refused, and {@code start=ge2026-12-01&end=le2026-12-01} is 0 and accepted,
 * as the provider test pack counts them (it sends dates {@code N} days apart and expects 0, 8, 14 accepted,
 * 15, 31, -1 refused). Days are calendar days in the practice's zone, so a window across a clock change is
 * still 14 days, not 14 days plus or minus an hour. The search itself then runs from {@code start} (a date:
 * 00:00 that day) to {@code end}, where a date means the end of that day (00:00 the next day): "up to
 * 2026-12-15" includes the slots of the 15th. "End before start" compares days when {@code end} is a date, so
 * {@code start=ge2026-12-01T10:00:00+00:00&end=le2026-12-01} (the rest of that day) is accepted.
 */
public final class SlotSearchParameters {

    static final int MAX_WINDOW_DAYS = 14;
    static final String SLOT_SCHEDULE = "Slot:schedule";
    static final String SCHEDULE_PRACTITIONER = "Schedule:actor:Practitioner";
    static final String SCHEDULE_LOCATION = "Schedule:actor:Location";

    private SlotSearchParameters() {
    }

    /**
     * @param zone the practice's time zone: dates are its days and dateTimes must carry its offset
     */
    public static SlotQuery parse(MultivaluedMap<String, String> query, ZoneId zone) {
        String start = once(query, "start");
        String end = once(query, "end");
        String status = once(query, "status");
        List<String> includes = values(query, "_include");
        if (!includes.contains(SLOT_SCHEDULE)) {
            throw GpConnectException.badRequest("The search needs the parameter _include=" + SLOT_SCHEDULE);
        }

        if (!"free".equals(status)) {
            throw GpConnectException.invalidParameter("The status parameter must be free: only free slots can be searched for");
        }
        SearchDate from = SearchDate.parse("start", "ge", start, zone);
        SearchDate to = SearchDate.parse("end", "le", end, zone);
        if (to.dateOnly() ? to.day().isBefore(from.day()) : to.written().isBefore(from.written())) {
            throw GpConnectException.invalidParameter("The end parameter is before the start parameter");
        }
        if (to.written().isAfter(from.written().plusDays(MAX_WINDOW_DAYS))) {
            throw GpConnectException.invalidParameter("The search window from start to end is longer than "
                    + MAX_WINDOW_DAYS + " days; the end parameter must be at most " + MAX_WINDOW_DAYS + " days after start");
        }
        ZonedDateTime windowEnd = to.dateOnly() ? to.day().plusDays(1).atStartOfDay(zone) : to.written();

        Set<String> odsCodes = new LinkedHashSet<>();
        Set<String> organisationTypes = new LinkedHashSet<>();
        for (String filter : values(query, "searchFilter")) {
            readFilter(filter, odsCodes, organisationTypes);
        }
        // Location:managingOrganization is accepted but changes nothing: the Organization is always returned
        List<String> recursiveIncludes = values(query, "_include:recurse");
        return new SlotQuery(from.written().toInstant(), windowEnd.toInstant(), odsCodes, organisationTypes,
                recursiveIncludes.contains(SCHEDULE_PRACTITIONER), recursiveIncludes.contains(SCHEDULE_LOCATION));
    }

    /**
     * A searchFilter token {@code system|code}. Only the two systems of §3.1 mean anything here; other systems
     * (e.g. urgent-care disposition codes) and text without a system are ignored, as the spec requires. A known
     * system with no code cannot name an organisation, so it is refused rather than read as "no filter".
     */
    private static void readFilter(String token, Set<String> odsCodes, Set<String> organisationTypes) {
        int bar = token.indexOf('|');
        if (bar < 0) {
            return;
        }
        String system = token.substring(0, bar);
        String code = token.substring(bar + 1);
        Set<String> target = switch (system) {
            case IdentifierSystems.ODS_ORGANIZATION_CODE -> odsCodes;
            case FhirProfiles.CS_ORGANISATION_TYPE -> organisationTypes;
            default -> null;
        };
        if (target == null) {
            return;
        }
        if (code.isBlank()) {
            throw GpConnectException.invalidParameter("The searchFilter parameter " + system + " needs a code: searchFilter=" + system + "|[code]");
        }
        target.add(code);
    }

    private static String once(MultivaluedMap<String, String> query, String name) {
        List<String> values = values(query, name);
        if (values.isEmpty()) {
            throw GpConnectException.badRequest("The search needs the " + name + " parameter");
        }
        if (values.size() > 1) {
            throw GpConnectException.badRequest("The " + name + " parameter may be given only once");
        }
        return values.get(0);
    }

    private static List<String> values(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        return values == null ? List.of() : values;
    }
}
