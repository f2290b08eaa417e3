package org.gpconnect.appointment.booking.validation;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentParticipantComponent;

/**
 * The participants of a booking (appointment-management.md §4.1): exactly one Patient and one Location (the
 * place of the appointment), at most one Practitioner, each with an actor given as a relative reference and a
 * status. Any other actor, a missing status or an absolute reference is 422 INVALID_RESOURCE (§4.4).
 *
 * @param practitionerId null when no Practitioner participant was sent (it is optional)
 */
record Participants(String patientId, String locationId, String practitionerId) {

    static Participants read(Appointment appointment) {
        if (!appointment.hasParticipant()) {
            throw Invalid.resource("The appointment needs participants: the Patient and the Location");
        }
        String patient = null;
        String location = null;
        String practitioner = null;
        for (AppointmentParticipantComponent participant : appointment.getParticipant()) {
            if (!participant.hasActor() || !participant.getActor().hasReference()) {
                throw Invalid.resource("Every appointment participant needs an actor reference");
            }
            if (!participant.hasStatus()) {
                throw Invalid.resource("Every appointment participant needs a status");
            }
            References.Target actor = References.relative(participant.getActor());
            if (actor == null) {
                throw Invalid.resource("The participant reference " + participant.getActor().getReference()
                        + " is not a relative reference such as Patient/1");
            }
            switch (actor.type()) {
                case "Patient" -> patient = once(patient, actor);
                case "Location" -> location = once(location, actor);
                case "Practitioner" -> practitioner = once(practitioner, actor);
                default -> throw Invalid.resource("An appointment participant must be the Patient, the Location or the"
                        + " Practitioner, not " + actor.type());
            }
        }
        if (patient == null) {
            throw Invalid.resource("The appointment needs a Patient participant");
        }
        if (location == null) {
            throw Invalid.resource("The appointment needs a Location participant (where it takes place)");
        }
        return new Participants(patient, location, practitioner);
    }

    private static String once(String already, References.Target actor) {
        if (already != null) {
            throw Invalid.resource("The appointment has more than one " + actor.type() + " participant");
        }
        return actor.id();
    }
}
