package org.gpconnect.appointment.booking.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * The {@code If-Match} precondition of an amend or cancel (foundations.md §4 "Versioning",
 * appointment-management.md §6): {@code W/"n"} (or {@code "n"}) must name the appointment's current version,
 * else 409 FHIR_CONSTRAINT_VIOLATION; anything that is not such an ETag (e.g. {@code invalidEtag}) names no
 * version and so never matches. No If-Match at all is accepted (§6 DECISION: the test pack sends it only in
 * some scenarios); the change is then still made only to the version it was checked against.
 */
public final class IfMatch {

    private static final Pattern VERSION_ETAG = Pattern.compile("(?:W/)?\"([0-9]{1,9})\"");

    private IfMatch() {
    }

    /** @param header the If-Match header, or null when absent */
    public static void check(String header, int currentVersion) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return;
        }
        Matcher etag = VERSION_ETAG.matcher(header.trim());
        if (!etag.matches() || Integer.parseInt(etag.group(1)) != currentVersion) {
            throw conflict(currentVersion);
        }
    }

    private static GpConnectException conflict(int currentVersion) {
        return new GpConnectException(SpineCode.FHIR_CONSTRAINT_VIOLATION, "The If-Match header does not name the"
                + " appointment's current version, W/\"" + currentVersion + "\": read it again and repeat the change on that version");
    }

    /** The answer to a change that lost a race: another change was committed after this one read the appointment. */
    public static GpConnectException changedMeanwhile() {
        return new GpConnectException(SpineCode.FHIR_CONSTRAINT_VIOLATION, "The appointment was changed by another request"
                + " while this one was processed: read it again and repeat the change on the new version");
    }
}
