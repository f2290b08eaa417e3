package org.gpconnect.senddocument.inbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One practice inbox item as the GP system sees it (practice inbox API, README "Send Document").
 *
 * @param itemId      the workflow item
 * @param displayText the MESH subject (GPCM-SD-CS-030)
 * @param status      PENDING, FILED or ARCHIVED
 * @param attachments the document's attachments, the primary (the report) first
 */
public record InboxItemView(UUID itemId, String displayText, WorkflowItem.Status status, OffsetDateTime receivedAt,
                            OffsetDateTime filedAt, String filedBy, Document document, List<Attachment> attachments) {

    /** The document's metadata. */
    public record Document(UUID documentId, String title, String documentType, OffsetDateTime documentDate,
                           String status, UUID replacesDocumentId, String itkTrackingId, String meshMessageId,
                           Patient patient, Sender sender) {
    }

    public record Patient(String nhsNumber, String familyName, LocalDate birthDate) {
    }

    public record Sender(String odsCode, String name, String mailbox) {
    }

    /** @param href where to download it (practice inbox API) */
    public record Attachment(UUID attachmentId, String contentType, long sizeBytes, String sha256, boolean primary, String href) {
    }

    public static InboxItemView of(WorkflowItem item, StoredDocument d, List<StoredAttachment> attachments) {
        return new InboxItemView(item.id, item.displayText, item.status, d.receivedAt, item.filedAt, item.filedBy,
                new Document(d.id, d.title, d.documentType, d.documentDate, d.status, d.replacesDocumentId, d.itkTrackingId,
                        d.meshMessageId, new Patient(d.patientNhsNumber.trim(), d.patientFamilyName, d.patientBirthDate),
                        new Sender(d.senderOds, d.senderName, d.senderMailbox)),
                attachments.stream().map(a -> new Attachment(a.id, a.contentType, a.sizeBytes, a.sha256.trim(), a.primary,
                        "/practice/" + item.practiceOds + "/documents/" + d.id + "/attachments/" + a.id)).toList());
    }
}
