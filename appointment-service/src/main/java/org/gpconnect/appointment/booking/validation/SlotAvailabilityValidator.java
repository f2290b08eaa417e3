package org.gpconnect.appointment.booking.validation;

import java.time.Instant;
import java.util.List;
import org.gpconnect.appointment.booking.BookingOrganisation;
import org.gpconnect.appointment.booking.BookingSlot;
import org.gpconnect.appointment.booking.DeliveryChannels;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * Whether the booking organisation may book these slots now (appointment-management.md §3.4, §4, §4.4): only
 * future slots (start after now), only GP Connect bookable ones, never a Visit, and a slot restricted to an
 * organisation or organisation type only by that organisation or type: the §3.4 table with the booking
 * organisation's ODS code and (when it sent one) type in place of the search filters. These are 422
 * INVALID_RESOURCE. A slot that is no longer free is 409 DUPLICATE_REJECTED; this check only answers early, the
 * booking transaction decides (a slot taken in between is still refused there).
 */
public final class SlotAvailabilityValidator {

    private SlotAvailabilityValidator() {
    }

    /** @param slots the appointment's slots in time order */
    public static void check(List<BookingSlot> slots, BookingOrganisation bookedBy, Instant now) {
        if (!slots.get(0).start().isAfter(now)) {
            throw Invalid.resource("Slot/" + slots.get(0).id() + " is in the past: only future slots can be booked");
        }
        for (BookingSlot slot : slots) {
            if (!slot.gpConnectBookable() || !DeliveryChannels.isCoded(slot.deliveryChannel())) {
                throw Invalid.resource("Slot/" + slot.id() + " cannot be booked through GP Connect");
            }
            if (slot.restrictedOrgOds() != null && !slot.restrictedOrgOds().equals(bookedBy.odsCode())) {
                throw Invalid.resource("Slot/" + slot.id() + " is reserved for another organisation");
            }
            if (slot.restrictedOrgType() != null && !slot.restrictedOrgType().equals(bookedBy.type())) {
                throw Invalid.resource("Slot/" + slot.id() + " is reserved for organisations of another type");
            }
        }
        for (BookingSlot slot : slots) {
            if (!"free".equals(slot.status())) {
                throw new GpConnectException(SpineCode.DUPLICATE_REJECTED, "Slot/" + slot.id() + " is no longer free");
            }
        }
    }
}
