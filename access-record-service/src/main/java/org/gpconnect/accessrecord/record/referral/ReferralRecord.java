package org.gpconnect.accessrecord.record.referral;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.gpconnect.accessrecord.record.SharingControls;

/** An outbound referral (table {@code referral_request}). */
public record ReferralRecord(
        UUID id,
        String status,
        String priority,
        OffsetDateTime authoredOn,
        String requesterId,
        String onBehalfOfOrganizationId,
        String recipientOrganizationId,
        String reasonCode,
        String reasonText,
        String description,
        String ubrn,
        String note,
        SharingControls sharing) {
}
