package org.gpconnect.appointment.booking.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Reads the references of a submitted Appointment. They must be relative ({@code Patient/2}), as the spec
 * requires (appointment-management.md §4.1 "references"): an absolute URL, a versioned or a contained
 * reference where a resource of the practice is meant is not accepted.
 */
final class References {

    // a FHIR logical id (1 to 64 of [A-Za-z0-9-.]) after a resource type
    private static final Pattern RELATIVE = Pattern.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})");

    private References() {
    }

    /** The resource type and logical id of a relative reference, or null when it is not one. */
    static Target relative(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        Matcher matcher = RELATIVE.matcher(reference.getReference());
        return matcher.matches() ? new Target(matcher.group(1), matcher.group(2)) : null;
    }

    record Target(String type, String id) {
    }
}
