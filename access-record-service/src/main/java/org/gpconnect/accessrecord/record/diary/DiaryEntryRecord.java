package org.gpconnect.accessrecord.record.diary;

import java.time.LocalDate;
import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;

/** A diary entry (recall, table {@code diary_entry}); only incomplete ones are ever sent. */
public record DiaryEntryRecord(
        UUID id,
        String code,
        String display,
        String text,
        boolean completed,
        PartialDate occurrence,
        LocalDate authoredOn,
        String requesterId,
        String note,
        SharingControls sharing) {
}
