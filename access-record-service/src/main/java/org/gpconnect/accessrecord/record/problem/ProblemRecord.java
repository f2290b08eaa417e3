package org.gpconnect.accessrecord.record.problem;

import java.time.LocalDate;
import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;

/** A problem (table {@code problem_header}): the ProblemHeader Condition. */
public record ProblemRecord(
        UUID id,
        boolean active,
        String significance,
        String code,
        String display,
        PartialDate onset,
        LocalDate abatementDate,
        LocalDate assertedDate,
        String asserterId,
        String note,
        SharingControls sharing) {
}
