package org.gpconnect.appointment.booking.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * The slots a booking names (appointment-management.md §4.1): at least one relative {@code Slot/{id}}
 * reference, each slot once. This provider's slot ids are numbers, so any other reference ({@code Slot/hello},
 * an absolute URL) cannot name one of its slots: 422 INVALID_RESOURCE, like an unknown slot (§4.4 DECISION).
 */
final class SlotReferences {

    // up to 18 digits: every value is a valid bigint
    private static final Pattern SLOT = Pattern.compile("Slot/([0-9]{1,18})");

    private SlotReferences() {
    }

    static List<Long> read(Appointment appointment) {
        if (!appointment.hasSlot()) {
            throw Invalid.resource("The appointment needs at least one slot");
        }
        List<Long> ids = new ArrayList<>();
        for (Reference slot : appointment.getSlot()) {
            var matcher = slot.hasReference() ? SLOT.matcher(slot.getReference()) : null;
            if (matcher == null || !matcher.matches()) {
                throw Invalid.resource("The slot reference " + (slot.hasReference() ? slot.getReference() : "(empty)")
                        + " does not name a slot of this practice (Slot/{id})");
            }
            long id = Long.parseLong(matcher.group(1));
            if (ids.contains(id)) {
                throw Invalid.resource("The appointment names Slot/" + id + " more than once");
            }
            ids.add(id);
        }
        return ids;
    }
}
