package org.gpconnect.appointment.booking.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.TimeZone;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.DeliveryChannels;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.appointment.foundations.mapping.ResourceMeta;
import org.gpconnect.appointment.practice.Practice;
import org.gpconnect.appointment.slot.mapping.UkLocalTimes;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.Appointment.ParticipationStatus;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * An appointment as a GPConnect-Appointment-1 (appointment-management.md §2, §4.3, §5, §8, §9), the same for
 * the booking response, a read, an amend or cancel response and a search entry, so that what a consumer reads
 * is exactly what it may send back to amend or cancel:
 * <ul>
 *   <li>the booking Organization contained as {@code #1} and referenced by Extension-GPConnect-BookingOrganisation-1;
 *   <li>Extension-GPConnect-PractitionerRole-1 (when the schedule records a role), Extension-GPConnect-DeliveryChannel-2
 *       (never for a visit: Visit has no code) and, once cancelled, the cancellation reason;
 *   <li>identifiers, status, {@code serviceCategory.text} (schedule type), {@code serviceType[0].text} (slot type),
 *       description, start and end in UK local time, slots, created, comment;
 *   <li>participants Patient, Location (a visit's is the practice's "unknown" visit Location, §9), Practitioner
 *       when there is one, each {@code accepted}.
 * </ul>
 * Never {@code reason} or {@code specialty}. An appointment that cannot be built as a valid GPConnect-Appointment-1
 * (no slot, no location) is 500 INTERNAL_SERVER_ERROR: foundations.md §4 prefers failing to returning an
 * invalid resource.
 */
@ApplicationScoped
public class AppointmentMapper {

    /** The local id of the contained booking Organization. */
    static final String BOOKING_ORGANISATION_ID = "1";

    public Appointment toFhir(AppointmentEntity entity, Practice practice) {
        TimeZone zone = TimeZone.getTimeZone(practice.timeZone);
        String locationId = DeliveryChannels.VISIT.equals(entity.deliveryChannel) ? practice.visitLocationId : entity.locationId;
        if (entity.slotIds.isEmpty() || locationId == null) {
            throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "Appointment " + entity.id
                    + " has no slot or no location, so it cannot be returned as a GPConnect-Appointment-1");
        }
        Appointment appointment = ResourceMeta.stamp(new Appointment(), entity.id.toString(), FhirProfiles.APPOINTMENT, entity.version);
        if (entity.bookingOrgResource != null) {
            Organization organization = FhirContexts.stu3().newJsonParser().parseResource(Organization.class, entity.bookingOrgResource);
            organization.setId(BOOKING_ORGANISATION_ID);
            appointment.addContained(organization);
            appointment.addExtension(new Extension(FhirProfiles.EXT_BOOKING_ORGANISATION, new Reference("#" + BOOKING_ORGANISATION_ID)));
        }
        if (entity.practitionerRoleCode != null) {
            appointment.addExtension(new Extension(FhirProfiles.EXT_PRACTITIONER_ROLE, new CodeableConcept().addCoding(
                    new Coding(CareConnectProfiles.CS_SDS_JOB_ROLE_NAME, entity.practitionerRoleCode, entity.practitionerRoleDisplay))));
        }
        if (DeliveryChannels.isCoded(entity.deliveryChannel)) {
            appointment.addExtension(new Extension(FhirProfiles.EXT_DELIVERY_CHANNEL, new CodeType(entity.deliveryChannel)));
        }
        if (entity.cancellationReason != null) {
            appointment.addExtension(new Extension(FhirProfiles.EXT_CANCELLATION_REASON, new StringType(entity.cancellationReason)));
        }
        for (int i = 0; i < entity.identifierSystems.size(); i++) {
            appointment.addIdentifier().setSystem(entity.identifierSystems.get(i)).setValue(entity.identifierValues.get(i));
        }
        appointment.setStatus(AppointmentStatus.fromCode(entity.status));
        if (entity.serviceCategory != null && !entity.serviceCategory.isBlank()) {
            appointment.setServiceCategory(new CodeableConcept().setText(entity.serviceCategory));
        }
        if (entity.serviceType != null && !entity.serviceType.isBlank()) {
            appointment.addServiceType().setText(entity.serviceType);
        }
        appointment.setDescription(entity.description);
        appointment.setStartElement(UkLocalTimes.instant(entity.start, zone));
        appointment.setEndElement(UkLocalTimes.instant(entity.end, zone));
        entity.slotIds.forEach(slot -> appointment.addSlot(new Reference("Slot/" + slot)));
        appointment.setCreatedElement(UkLocalTimes.dateTime(entity.created, zone));
        if (entity.comment != null) {
            appointment.setComment(entity.comment);
        }
        participant(appointment, "Patient/" + entity.patientId);
        participant(appointment, "Location/" + locationId);
        if (entity.practitionerId != null) {
            participant(appointment, "Practitioner/" + entity.practitionerId);
        }
        return appointment;
    }

    /**
     * The appointment exactly as a consumer receives it: mapped, written as FHIR JSON and parsed back, so that it
     * can be compared element by element with an Appointment a consumer sent (parsed the same way).
     */
    public Appointment asReceived(AppointmentEntity entity, Practice practice) {
        var json = FhirContexts.stu3().newJsonParser();
        return json.parseResource(Appointment.class, json.encodeResourceToString(toFhir(entity, practice)));
    }

    private static void participant(Appointment appointment, String reference) {
        appointment.addParticipant().setActor(new Reference(reference)).setStatus(ParticipationStatus.ACCEPTED);
    }
}
