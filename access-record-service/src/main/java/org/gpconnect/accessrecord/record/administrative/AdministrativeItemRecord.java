package org.gpconnect.accessrecord.record.administrative;

import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * A non-clinical entry of the record (table {@code administrative_item}): shown by Access Record HTML's
 * Administrative Items (access-record-html.md §5), never sent by Access Record Structured.
 *
 * @param code    the entry's code, only for the sensitive-exclusion set (the view never shows codes)
 * @param entry   the entry as the GP system shows it
 * @param details free text, or null
 */
public record AdministrativeItemRecord(UUID id, PartialDate date, String code, String entry, String details,
                                       SharingControls sharing) {
}
