package org.gpconnect.common.event;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to a document received over MESH (send-document.md §5), version 1 of the
 * payload of Kafka topic {@value #TOPIC} (key: {@code documentId}, so the events of one document stay in
 * order). Written to the send-document-service's outbox in the same transaction as the change. At-least-once:
 * consumers de-duplicate by {@code eventId} (or by documentId + kind). Documented in docs/asyncapi.yaml.
 * Fields are null when they are not known (a rejected, unreadable message has no patient).
 *
 * @param eventId               unique id of this event
 * @param kind                  what happened
 * @param occurredAt            when the change was committed
 * @param documentId            our id of the document (for a rejected message: of the attempt, never reused)
 * @param practiceOds           the practice whose MESH mailbox received it
 * @param meshMessageId         the MESH message id it arrived in
 * @param itkTrackingId         the ITK3 tracking id (the message Bundle's identifier)
 * @param senderOds             ODS code of the sending organisation (MessageHeader.sender)
 * @param senderMailbox         the sender's MESH mailbox (mex-from), where acknowledgements go
 * @param patientNhsNumber      the patient the document is about
 * @param infrastructureAckCode ITK3 infrastructure response code sent (20013 accepted, else the error code)
 * @param businessAckCode       ITK3 business response code sent (30001/30002/30003); null when none
 * @param diagnostics           why a message was rejected; null otherwise
 * @param subject               MESH subject, the display text of the practice's workflow item
 * @param title                 Composition.title
 * @param documentType          Composition.type as "system|code|display"
 * @param documentDate          Composition.date
 * @param replacesDocumentId    the document this one replaced (and archived), if it is a replacement
 * @param attachments           the stored attachments (metadata only)
 * @param filedBy               who filed it (the operator token's subject), for FILED
 * @param traceId               trace id of the processing (logs carry the same id)
 */
public record DocumentEventV1(
        String eventId,
        Kind kind,
        Instant occurredAt,
        String documentId,
        String practiceOds,
        String meshMessageId,
        String itkTrackingId,
        String senderOds,
        String senderMailbox,
        String patientNhsNumber,
        String infrastructureAckCode,
        String businessAckCode,
        String diagnostics,
        String subject,
        String title,
        String documentType,
        Instant documentDate,
        String replacesDocumentId,
        List<Attachment> attachments,
        String filedBy,
        String traceId) {

    public static final String TOPIC = "gpconnect.documents.v1";

    /** What happened to the document. */
    public enum Kind {
        /** Valid ITK3 message stored (infrastructure ack 20013 and a business ack sent). */
        RECEIVED,
        /** Invalid message: negative infrastructure ack sent, nothing stored or passed on. */
        REJECTED,
        /** The practice filed the document into the patient's record. */
        FILED;

        /** The outbox/Kafka header value of this kind. */
        public String eventType() {
            return "gpconnect.document." + name().toLowerCase() + ".v1";
        }
    }

    /**
     * One stored attachment.
     *
     * @param attachmentId our id (download: the practice inbox API)
     * @param contentType  Binary.contentType
     * @param sizeBytes    decoded size
     * @param sha256       hex SHA-256 of the decoded content
     * @param primary      the first section entry (the report itself)
     */
    public record Attachment(String attachmentId, String contentType, long sizeBytes, String sha256, boolean primary) {
    }
}
