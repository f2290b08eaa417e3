package org.gpconnect.appointment.booking;

import java.util.Set;

/**
 * How an appointment is delivered (appointment-management.md §2): the three codes of GPConnect-DeliveryChannel-1,
 * and Visit, a business concept with no code, which GP Connect can read but never book, amend or cancel (§9).
 */
public final class DeliveryChannels {

    public static final String VISIT = "Visit";
    private static final Set<String> CODED = Set.of("In-person", "Telephone", "Video");

    private DeliveryChannels() {
    }

    /** Whether the channel has a GPConnect-DeliveryChannel-1 code (so it can be booked and shown as one). */
    public static boolean isCoded(String channel) {
        return CODED.contains(channel);
    }
}
