package org.gpconnect.accessrecord.record.allergy;

import java.time.LocalDate;
import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * One allergy or intolerance (table {@code allergy_intolerance}), active or resolved.
 *
 * @param category    as recorded: medication, food, environment, biologic, or null (e.g. "No known allergy")
 * @param endDate     when it was ended; set exactly when resolved
 * @param endReason   why it was ended, or null when the source recorded no reason
 */
public record AllergyRecord(
        UUID id,
        boolean active,
        String category,
        String type,
        String codeSystem,
        String code,
        String display,
        PartialDate onset,
        LocalDate assertedDate,
        String recorderId,
        String asserterId,
        String criticality,
        LocalDate endDate,
        String endReason,
        String reactionCode,
        String reactionDisplay,
        String reactionSeverity,
        String note,
        SharingControls sharing) {
}
