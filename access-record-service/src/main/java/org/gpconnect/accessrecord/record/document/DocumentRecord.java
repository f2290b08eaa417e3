package org.gpconnect.accessrecord.record.document;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.gpconnect.accessrecord.record.SharingControls;

/**
 * A document's metadata (table {@code document_reference}): what a DocumentReference carries inside a
 * structured record (access-record-structured.md §8: metadata only; the binary is Access Document's).
 *
 * @param status              current, or superseded by a replacement
 * @param typeText            the document type as recorded
 * @param created             when it was written, or null when not known
 * @param indexed             when the practice filed it into the record
 * @param authorOrganizationId the authoring Organization of this record, or null
 * @param authorOds           the authoring organisation's ODS code when this record holds no Organization for it
 * @param sizeBytes           the attachment's size, or null when not known
 * @param encounterId         the consultation it belongs to, or null
 * @param referralId          the referral it supports, or null
 */
public record DocumentRecord(
        UUID id,
        String status,
        String typeSystem,
        String typeCode,
        String typeDisplay,
        String typeText,
        String description,
        OffsetDateTime created,
        OffsetDateTime indexed,
        String authorOrganizationId,
        String authorOds,
        String custodianOrganizationId,
        String contentType,
        Long sizeBytes,
        String attachmentTitle,
        UUID encounterId,
        UUID referralId,
        SharingControls sharing) {
}
