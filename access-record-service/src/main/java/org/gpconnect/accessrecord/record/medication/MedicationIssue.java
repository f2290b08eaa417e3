package org.gpconnect.accessrecord.record.medication;

import java.time.LocalDate;
import java.util.UUID;

/** One issue of an authorisation (a MedicationRequest with intent order). */
public record MedicationIssue(UUID id, UUID authorisationId, int number, String status, LocalDate issueDate,
                              LocalDate validityEnd, String recorderId) {
}
