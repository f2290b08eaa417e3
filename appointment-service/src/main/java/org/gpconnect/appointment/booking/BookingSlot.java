package org.gpconnect.appointment.booking;

import java.time.Instant;

/**
 * A slot named in a booking, with what booking needs to know about it and its schedule
 * (appointment-management.md §3.4, §4.1, §4.4).
 *
 * @param status                a FHIR SlotStatus code: only {@code free} can be booked
 * @param deliveryChannel       In-person, Telephone, Video (or Visit, never bookable)
 * @param restrictedOrgOds      only this organisation may book, or null
 * @param restrictedOrgType     only this organisation type may book, or null
 * @param locationId            the schedule's Location (where the appointment takes place)
 * @param practitionerId        the schedule's Practitioner, or null
 * @param serviceCategory       the schedule type / session name, or null
 */
public record BookingSlot(long id, String scheduleId, Instant start, Instant end, String status, boolean gpConnectBookable,
                          String deliveryChannel, String serviceType, String restrictedOrgOds, String restrictedOrgType,
                          String locationId, String practitionerId, String practitionerRoleCode,
                          String practitionerRoleDisplay, String serviceCategory) {
}
