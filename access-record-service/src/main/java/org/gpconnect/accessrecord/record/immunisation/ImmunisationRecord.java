package org.gpconnect.accessrecord.record.immunisation;

import java.time.LocalDate;
import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * One immunisation (table {@code immunisation}), given or not given.
 *
 * @param vaccineCode  the vaccine product's code, or null when not recorded (sent as UNK)
 * @param administered when it was given (or offered), possibly partial, or null when not recorded
 */
public record ImmunisationRecord(
        UUID id,
        String vaccineCode,
        String vaccineDisplay,
        String procedureCode,
        String procedureDisplay,
        PartialDate administered,
        LocalDate recordedDate,
        boolean notGiven,
        String notGivenReasonCode,
        String notGivenReason,
        boolean primarySource,
        String practitionerId,
        int doseSequence,
        String targetDiseaseCode,
        String targetDiseaseDisplay,
        String siteCode,
        String siteDisplay,
        String routeCode,
        String routeDisplay,
        Boolean parentPresent,
        String lotNumber,
        String note,
        SharingControls sharing) {
}
