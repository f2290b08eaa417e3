package org.gpconnect.appointment.booking.validation;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.dstu3.model.Appointment;

/**
 * The Appointment elements a booking must not carry (appointment-management.md §2, §4.1, §4.4): those the
 * GPConnect-Appointment-1 profile removes (appointmentType, indication, supportingInformation,
 * incomingReferral, requestedPeriod), those GP Connect forbids (reason, specialty) and those this provider could
 * not store and return (priority, minutesDuration, modifier extensions): accepting and then silently dropping
 * them would lose what the booking system meant.
 */
final class ForbiddenElements {

    private ForbiddenElements() {
    }

    static void check(Appointment appointment) {
        List<String> present = new ArrayList<>();
        if (appointment.hasReason()) {
            present.add("reason");
        }
        if (appointment.hasSpecialty()) {
            present.add("specialty");
        }
        if (appointment.hasAppointmentType()) {
            present.add("appointmentType");
        }
        if (appointment.hasIndication()) {
            present.add("indication");
        }
        if (appointment.hasSupportingInformation()) {
            present.add("supportingInformation");
        }
        if (appointment.hasIncomingReferral()) {
            present.add("incomingReferral");
        }
        if (appointment.hasRequestedPeriod()) {
            present.add("requestedPeriod");
        }
        if (appointment.hasPriorityElement()) {
            present.add("priority");
        }
        if (appointment.hasMinutesDurationElement()) {
            present.add("minutesDuration");
        }
        if (appointment.hasModifierExtension()) {
            present.add("modifierExtension");
        }
        if (!present.isEmpty()) {
            throw Invalid.resource("A GP Connect appointment booking must not contain " + String.join(", ", present));
        }
    }
}
