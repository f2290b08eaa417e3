package org.gpconnect.appointment.slot.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.TimeZone;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.appointment.foundations.mapping.ResourceMeta;
import org.gpconnect.appointment.slot.ScheduleEntity;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Schedule;

/**
 * A schedule as a GPConnect-Schedule-1 (appointment-management.md §2, §3.3): the practitioner role extension
 * (when the role is known), the practice's schedule identifier, the schedule type as
 * {@code serviceCategory.text}, the actors (the Location where the appointments take place, then the
 * Practitioner) and the planning horizon in UK local time. Never {@code comment}, {@code active},
 * {@code serviceType} or {@code specialty}.
 *
 * <p>The Location actor and {@code planningHorizon.start} are mandatory in the profile: a schedule without
 * them cannot be returned, and foundations.md §4 says such incomplete source data fails the whole request
 * with a 500 rather than a resource that breaks its profile.
 */
@ApplicationScoped
public class ScheduleMapper {

    /** The schedule identifier system of the reference implementation (the spec defines none). */
    static final String SCHEDULE_IDENTIFIER = "https://fhir.nhs.uk/Id/gpconnect-schedule-identifier";

    public Schedule toFhir(ScheduleEntity entity, TimeZone zone) {
        if (entity.locationId == null || entity.planningHorizonStart == null) {
            throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "Schedule " + entity.id
                    + " has no location or no planning horizon start, so it cannot be returned as a GPConnect-Schedule-1");
        }
        Schedule schedule = ResourceMeta.stamp(new Schedule(), entity.id, FhirProfiles.SCHEDULE, entity.version);
        if (entity.practitionerRoleCode != null) {
            schedule.addExtension(new Extension(FhirProfiles.EXT_PRACTITIONER_ROLE, new CodeableConcept().addCoding(
                    new Coding(CareConnectProfiles.CS_SDS_JOB_ROLE_NAME, entity.practitionerRoleCode, entity.practitionerRoleDisplay))));
        }
        if (entity.identifier != null && !entity.identifier.isBlank()) {
            schedule.addIdentifier().setSystem(SCHEDULE_IDENTIFIER).setValue(entity.identifier);
        }
        if (entity.serviceCategoryDisplay != null && !entity.serviceCategoryDisplay.isBlank()) {
            schedule.setServiceCategory(new CodeableConcept().setText(entity.serviceCategoryDisplay));
        }
        schedule.addActor(new Reference("Location/" + entity.locationId));
        if (entity.practitionerId != null) {
            schedule.addActor(new Reference("Practitioner/" + entity.practitionerId));
        }
        Period horizon = new Period().setStartElement(UkLocalTimes.dateTime(entity.planningHorizonStart, zone));
        if (entity.planningHorizonEnd != null) {
            horizon.setEndElement(UkLocalTimes.dateTime(entity.planningHorizonEnd, zone));
        }
        schedule.setPlanningHorizon(horizon);
        return schedule;
    }
}
