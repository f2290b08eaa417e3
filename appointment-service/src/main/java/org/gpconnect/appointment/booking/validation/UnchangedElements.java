package org.gpconnect.appointment.booking.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Property;

/**
 * Compares a submitted Appointment with what it must equal, as FHIR (HAPI's deep equality over every element),
 * so "nothing else changed" (appointment-management.md §6, §7) covers every element of the resource, not a list
 * of fields someone remembered to check. Only what legitimately differs between a read and a write-back is left
 * out: the logical id (checked against the URL separately) and the version metadata (meta.versionId,
 * meta.lastUpdated; the version is checked through If-Match).
 */
final class UnchangedElements {

    private UnchangedElements() {
    }

    /** The names of the top-level elements in which {@code submitted} differs from {@code expected}; empty when none. */
    static List<String> differences(Appointment expected, Appointment submitted) {
        Appointment left = comparable(expected);
        Appointment right = comparable(submitted);
        if (left.equalsDeep(right)) {
            return List.of();
        }
        Map<String, List<Base>> rightValues = right.children().stream()
                .collect(Collectors.toMap(Property::getName, Property::getValues));
        List<String> changed = new ArrayList<>();
        for (Property property : left.children()) {
            if (!Base.compareDeep(property.getValues(), rightValues.getOrDefault(property.getName(), List.of()), true)) {
                changed.add(property.getName());
            }
        }
        if (changed.isEmpty()) {
            changed.add("the resource"); // equalsDeep saw a difference no element list shows; never accept it
        }
        return changed;
    }

    private static Appointment comparable(Appointment appointment) {
        Appointment copy = appointment.copy();
        copy.setIdElement(null);
        copy.getMeta().setVersionIdElement(null).setLastUpdatedElement(null);
        return copy;
    }
}
