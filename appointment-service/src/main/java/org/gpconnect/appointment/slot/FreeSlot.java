package org.gpconnect.appointment.slot;

import java.time.Instant;

/**
 * A slot that a slot search returns: free, GP Connect bookable and not a visit (appointment-management.md
 * §3.3). A plain value read straight from the row, since a search maps up to a thousand of them.
 *
 * @param deliveryChannel a GPConnect-DeliveryChannel-1 code: In-person, Telephone or Video
 * @param serviceType     the practice's slot type (Slot.serviceType.text)
 * @param version         the row's version, meta.versionId of the Slot
 */
public record FreeSlot(long id, String scheduleId, Instant start, Instant end, String deliveryChannel,
                       String serviceType, int version) {
}
