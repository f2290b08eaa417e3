package org.gpconnect.appointment.booking.validation;

import java.util.ArrayList;
import java.util.List;
import org.gpconnect.appointment.booking.NewAppointment.BusinessIdentifier;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Identifier;

/**
 * The business identifiers a booking system gives its appointment (appointment-management.md §2): when one is
 * sent, its {@code system} and {@code value} are both mandatory and {@code use}, {@code type},
 * {@code period} and {@code assigner} are not allowed (422 INVALID_RESOURCE, §4.4).
 */
final class BusinessIdentifiers {

    private BusinessIdentifiers() {
    }

    static List<BusinessIdentifier> read(Appointment appointment) {
        List<BusinessIdentifier> identifiers = new ArrayList<>();
        for (Identifier identifier : appointment.getIdentifier()) {
            if (!identifier.hasSystem() || !identifier.hasValue() || identifier.getValue().isBlank()) {
                throw Invalid.resource("An appointment identifier needs both a system and a value");
            }
            if (identifier.hasUse() || identifier.hasType() || identifier.hasPeriod() || identifier.hasAssigner()
                    || identifier.hasExtension()) {
                throw Invalid.resource("An appointment identifier may only have a system and a value");
            }
            identifiers.add(new BusinessIdentifier(identifier.getSystem(), identifier.getValue()));
        }
        return identifiers;
    }
}
