package org.gpconnect.accessrecord.record.medication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * An authorisation to prescribe (MedicationRequest intent plan), the statement that summarises it
 * (MedicationStatement, its own id), the product and the issues made under it.
 *
 * @param prescriptionType  acute, repeat, repeat-dispensing, delayed-prescribing, or null when not recorded
 * @param prescribingAgency CareConnect-PrescribingAgency-1 code
 */
public record MedicationAuthorisation(
        UUID id,
        UUID statementId,
        MedicationProduct medication,
        String status,
        String statementStatus,
        String prescriptionType,
        String prescribingAgency,
        PartialDate effectiveStart,
        PartialDate effectiveEnd,
        LocalDate authoredOn,
        LocalDate dateAsserted,
        String recorderId,
        String dosageText,
        String quantityText,
        Integer repeatsAllowed,
        int repeatsIssued,
        LocalDate authorisationExpiry,
        LocalDate lastIssueDate,
        LocalDate statusReasonDate,
        String statusReason,
        String reasonCode,
        String reasonDisplay,
        String note,
        SharingControls sharing,
        List<MedicationIssue> issues) {

    public static final String PRESCRIBED_ELSEWHERE = "prescribed-by-another-organisation";

    /** Acute items are active on their start day only; anything else (unknown included) runs on (§6). */
    public boolean isAcute() {
        return "acute".equals(prescriptionType);
    }
}
