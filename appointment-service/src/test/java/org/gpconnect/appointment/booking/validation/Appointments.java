package org.gpconnect.appointment.booking.validation;

import java.time.Instant;
import java.util.Date;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.Appointment.ParticipationStatus;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;

/** A valid booking Appointment for the validator unit tests, built in memory. */
final class Appointments {

    static final Instant START = Instant.parse("2030-01-15T10:00:00Z");
    static final Instant END = START.plusSeconds(600);

    private Appointments() {
    }

    static Appointment booking() {
        Appointment appointment = new Appointment();
        appointment.getMeta().addProfile(FhirProfiles.APPOINTMENT);
        Organization organization = new Organization();
        organization.setId("1");
        organization.addIdentifier().setSystem("https://fhir.nhs.uk/Id/ods-organization-code").setValue("A20047");
        organization.setName("Urgent care");
        organization.addTelecom().setValue("0113 496 0000");
        appointment.addContained(organization);
        appointment.addExtension(new Extension(FhirProfiles.EXT_BOOKING_ORGANISATION, new Reference("#1")));
        appointment.setStatus(AppointmentStatus.BOOKED);
        appointment.setDescription("A description");
        appointment.setStartElement(new InstantType(Date.from(START)));
        appointment.setEndElement(new InstantType(Date.from(END)));
        appointment.addSlot(new Reference("Slot/10"));
        appointment.addParticipant().setActor(new Reference("Patient/1")).setStatus(ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Location/16")).setStatus(ParticipationStatus.ACCEPTED);
        return appointment;
    }

    /** A stored appointment as a read returns it (id and version set). */
    static Appointment stored() {
        Appointment appointment = booking();
        appointment.setId("7");
        appointment.getMeta().setVersionId("1");
        return appointment;
    }
}
