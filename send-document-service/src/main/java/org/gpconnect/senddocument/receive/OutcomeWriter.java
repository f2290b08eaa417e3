package org.gpconnect.senddocument.receive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gpconnect.common.event.DocumentEventV1;
import org.gpconnect.senddocument.event.DocumentEvents;
import org.gpconnect.senddocument.itk.AckCode;
import org.gpconnect.senddocument.itk.ItkFacts;
import org.gpconnect.senddocument.itk.ItkRejection;
import org.gpconnect.senddocument.itk.ItkResponses;
import org.gpconnect.senddocument.itk.MessageSplitter;

/**
 * Commits the outcome of one message in <em>one</em> database transaction: the duplicate and replacement
 * checks (send-document.md §5.4, §5.5), the patient match, the document with its attachments streamed in
 * segments and its workflow item, the archiving of a replaced document, the ITK3 acknowledgements to send,
 * the document event (outbox) and the message's new state. Either all of it is there or none of it, so a
 * database failure leaves the message unacknowledged in MESH, to be processed again.
 */
@ApplicationScoped
public class OutcomeWriter {

    static final int SEGMENT_BYTES = 256 * 1024;

    /** What was decided: the infrastructure code and, for an accepted message, the business code. */
    public record Outcome(AckCode infrastructure, AckCode business, String diagnostics) {
    }

    /** The claim ran out and another replica took the message: this attempt must not commit. */
    public static final class LostClaim extends RuntimeException {
        LostClaim(String messageId) {
            super("the claim on MESH message " + messageId + " was lost to another instance", null, false, false);
        }
    }

    private final AgroalDataSource dataSource;
    private final DocumentEvents events;

    public OutcomeWriter(AgroalDataSource dataSource, DocumentEvents events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /**
     * @param rejection the validation failure, or null when the message is valid
     */
    public Outcome commit(InboundContext message, ItkFacts facts, ItkRejection rejection) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = write(c, message, facts, rejection);
                c.commit();
                return outcome;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Outcome write(Connection c, InboundContext message, ItkFacts facts, ItkRejection rejection) throws SQLException, IOException {
        lockClaim(c, message);
        String practiceName = practiceName(c, message.mailbox().practiceOds());
        UUID replaced = null;
        if (rejection == null) {
            rejection = duplicate(c, message, facts);
        }
        if (rejection == null && facts.replacesIdentifier != null) {
            replaced = replacementTarget(c, message, facts);
            if (replaced == null) {
                rejection = new ItkRejection(AckCode.REPLACEMENT_NOT_PROCESSED, "The document to replace ("
                        + facts.replacesIdentifier + ") is not held here for this patient");
            }
        }
        List<AckCode> acks = new ArrayList<>();
        AckCode business = null;
        if (rejection == null) {
            business = patientMatch(c, message.mailbox().practiceOds(), facts);
            storeDocument(c, message, facts, business, replaced);
            if (replaced != null) {
                archive(c, replaced);
            }
            acks.add(AckCode.SUCCESS);
            acks.add(business);
        } else {
            acks.add(rejection.code());
        }
        for (AckCode code : acks) {
            queueAck(c, message, facts, code, code == AckCode.SUCCESS || code.business() ? null : rejection.diagnostics(), practiceName);
        }
        AckCode infrastructure = rejection == null ? AckCode.SUCCESS : rejection.code();
        String diagnostics = rejection == null ? null : rejection.diagnostics();
        events.append(c, event(message, facts, infrastructure, business, diagnostics, replaced));
        markProcessed(c, message, facts, infrastructure, business, diagnostics);
        return new Outcome(infrastructure, business, diagnostics);
    }

    private static void lockClaim(Connection c, InboundContext message) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("""
                SELECT 1 FROM mesh_inbound_message
                 WHERE message_id = ? AND claimed_by = ? AND status = 'RECEIVING' FOR UPDATE""")) {
            lock.setString(1, message.messageId());
            lock.setString(2, message.instance());
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw new LostClaim(message.messageId());
                }
            }
        }
    }

    private static String practiceName(Connection c, String ods) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name FROM practice WHERE ods_code = ?")) {
            select.setString(1, ods);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : ods;
            }
        }
    }

    /** 20007: the ITK message was accepted before (in another MESH message); 20008: its document was. */
    private static ItkRejection duplicate(Connection c, InboundContext message, ItkFacts facts) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT message_id FROM mesh_inbound_message
                 WHERE itk_tracking_id = ? AND infrastructure_ack_code = '20013' AND message_id <> ?""")) {
            select.setString(1, facts.trackingId);
            select.setString(2, message.messageId());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return new ItkRejection(AckCode.DUPLICATE_MESSAGE, "ITK message " + facts.trackingId
                            + " was received before (MESH message " + rs.getString(1) + ")");
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM document WHERE practice_ods = ? AND document_identifier = ?")) {
            select.setString(1, message.mailbox().practiceOds());
            select.setString(2, facts.documentIdentifier);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return new ItkRejection(AckCode.DUPLICATE_DOCUMENT, "Document " + facts.documentIdentifier
                            + " was received before");
                }
            }
        }
        return null;
    }

    /** The active document a replacement replaces, same practice and patient; locked until commit. */
    private static UUID replacementTarget(Connection c, InboundContext message, ItkFacts facts) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id FROM document
                 WHERE practice_ods = ? AND document_identifier = ? AND patient_nhs_number = ? AND status = 'ACTIVE'
                 FOR UPDATE""")) {
            select.setString(1, message.mailbox().practiceOds());
            select.setString(2, facts.replacesIdentifier);
            select.setString(3, facts.patientNhsNumber);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /**
     * send-document.md §5.2: 30001 registered here and active; 30003 registered but no longer (left,
     * inactive, deceased); 30002 no record, or NHS number known with another birth date or surname.
     */
    private static AckCode patientMatch(Connection c, String practiceOds, ItkFacts facts) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT family_name, birth_date, active FROM registered_patient WHERE practice_ods = ? AND nhs_number = ?""")) {
            select.setString(1, practiceOds);
            select.setString(2, facts.patientNhsNumber);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return AckCode.PATIENT_NOT_KNOWN;
                }
                boolean same = rs.getString(1).equalsIgnoreCase(facts.patientFamilyName)
                        && rs.getDate(2).toLocalDate().equals(facts.patientBirthDate);
                if (!same) {
                    return AckCode.PATIENT_NOT_KNOWN;
                }
                return rs.getBoolean(3) ? AckCode.PATIENT_KNOWN : AckCode.PATIENT_NO_LONGER_HERE;
            }
        }
    }

    private void storeDocument(Connection c, InboundContext message, ItkFacts facts, AckCode business, UUID replaced)
            throws SQLException, IOException {
        String subject = message.subject() != null && !message.subject().isBlank() ? message.subject()
                : (facts.title == null ? "Document" : facts.title) + " for NHS Number " + facts.patientNhsNumber;
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO document (id, practice_ods, mesh_message_id, itk_tracking_id, document_identifier, sender_ods,
                                      sender_name, sender_mailbox, patient_nhs_number, patient_family_name, patient_birth_date,
                                      subject, title, document_type, document_date, business_ack_code, status, replaces_document_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")) {
            int i = 1;
            insert.setObject(i++, message.documentId());
            insert.setString(i++, message.mailbox().practiceOds());
            insert.setString(i++, message.messageId());
            insert.setString(i++, facts.trackingId);
            insert.setString(i++, facts.documentIdentifier);
            insert.setString(i++, facts.senderOds);
            insert.setString(i++, facts.senderName);
            insert.setString(i++, message.from());
            insert.setString(i++, facts.patientNhsNumber);
            insert.setString(i++, facts.patientFamilyName);
            insert.setDate(i++, Date.valueOf(facts.patientBirthDate));
            insert.setString(i++, subject);
            insert.setString(i++, facts.title);
            insert.setString(i++, facts.documentType);
            insert.setTimestamp(i++, facts.documentDate == null ? null : Timestamp.from(facts.documentDate));
            insert.setString(i++, business.code());
            insert.setObject(i, replaced);
            insert.executeUpdate();
        }
        int ordinal = 0;
        for (ItkFacts.Attachment attachment : facts.attachments) {
            storeAttachment(c, message.documentId(), ordinal++, attachment);
        }
        if (business == AckCode.PATIENT_KNOWN) {
            try (PreparedStatement item = c.prepareStatement("""
                    INSERT INTO workflow_item (id, document_id, practice_ods, display_text, status)
                    VALUES (?, ?, ?, ?, 'PENDING')""")) {
                item.setObject(1, UUID.randomUUID());
                item.setObject(2, message.documentId());
                item.setString(3, message.mailbox().practiceOds());
                item.setString(4, subject);
                item.executeUpdate();
            }
        }
    }

    /** Streams the spooled attachment into 256 KiB segments: one segment in memory at a time. */
    private static void storeAttachment(Connection c, UUID documentId, int ordinal, ItkFacts.Attachment attachment)
            throws SQLException, IOException {
        UUID id = attachmentId(documentId, ordinal);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO document_attachment (id, document_id, ordinal, content_type, size_bytes, sha256, is_primary)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setObject(2, documentId);
            insert.setInt(3, ordinal);
            insert.setString(4, attachment.contentType());
            insert.setLong(5, attachment.content().size());
            insert.setString(6, attachment.content().sha256());
            insert.setBoolean(7, attachment.primary());
            insert.executeUpdate();
        }
        try (InputStream in = Files.newInputStream(attachment.content().file());
             PreparedStatement segment = c.prepareStatement(
                     "INSERT INTO document_attachment_segment (attachment_id, seq, data) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[SEGMENT_BYTES];
            int seq = 0;
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                segment.setObject(1, id);
                segment.setInt(2, seq++);
                segment.setBytes(3, read == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, read));
                segment.executeUpdate();
            }
        }
    }

    /** Attachment ids derive from the document id, so a retried attempt would produce the same ids. */
    static UUID attachmentId(UUID documentId, int ordinal) {
        return UUID.nameUUIDFromBytes((documentId + "/" + ordinal).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** §5.4: the replaced document is archived, and so is its workflow item if it was still pending. */
    private static void archive(Connection c, UUID replaced) throws SQLException {
        try (PreparedStatement document = c.prepareStatement(
                "UPDATE document SET status = 'ARCHIVED', archived_at = now() WHERE id = ?");
             PreparedStatement item = c.prepareStatement(
                     "UPDATE workflow_item SET status = 'ARCHIVED' WHERE document_id = ? AND status = 'PENDING'")) {
            document.setObject(1, replaced);
            document.executeUpdate();
            item.setObject(1, replaced);
            item.executeUpdate();
        }
    }

    private static void queueAck(Connection c, InboundContext message, ItkFacts facts, AckCode code, String diagnostics,
                                 String practiceName) throws SQLException {
        if (message.from() == null || message.from().isBlank()) {
            return; // nowhere to send it: MESH always gives mex-from, so only a broken double gets here
        }
        String originalId = facts.messageHeaderId != null ? facts.messageHeaderId : message.messageId();
        ItkResponses.Encoded encoded = ItkResponses.encode(ItkResponses.response(code, diagnostics, originalId,
                        facts.senderReference, message.mailbox().practiceOds(), practiceName, message.mailbox().mailboxId()),
                facts.format == null ? MessageSplitter.Format.XML : facts.format);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO mesh_outbound_ack (inbound_message_id, code, mex_to, subject, content_type, body)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, message.messageId());
            insert.setString(2, code.code());
            insert.setString(3, message.from());
            insert.setString(4, "ITK3 response " + code.code() + " to " + (facts.trackingId != null ? facts.trackingId : message.messageId()));
            insert.setString(5, encoded.contentType());
            insert.setBytes(6, encoded.body());
            insert.executeUpdate();
        }
    }

    private static DocumentEventV1 event(InboundContext message, ItkFacts facts, AckCode infrastructure, AckCode business,
                                         String diagnostics, UUID replaced) {
        boolean received = infrastructure == AckCode.SUCCESS;
        List<DocumentEventV1.Attachment> attachments = new ArrayList<>();
        if (received) {
            int ordinal = 0;
            for (ItkFacts.Attachment a : facts.attachments) {
                attachments.add(new DocumentEventV1.Attachment(attachmentId(message.documentId(), ordinal++).toString(),
                        a.contentType(), a.content().size(), a.content().sha256(), a.primary()));
            }
        }
        return new DocumentEventV1(UUID.randomUUID().toString(),
                received ? DocumentEventV1.Kind.RECEIVED : DocumentEventV1.Kind.REJECTED, Instant.now(),
                message.documentId().toString(), message.mailbox().practiceOds(), message.messageId(), facts.trackingId,
                facts.senderOds, message.from(), facts.patientNhsNumber, infrastructure.code(),
                business == null ? null : business.code(), diagnostics, message.subject(), facts.title, facts.documentType,
                facts.documentDate, replaced == null ? null : replaced.toString(), attachments, null, message.traceId());
    }

    private static void markProcessed(Connection c, InboundContext message, ItkFacts facts, AckCode infrastructure,
                                      AckCode business, String diagnostics) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE mesh_inbound_message
                   SET status = 'PROCESSED', claimed_by = NULL, claimed_until = NULL, last_error = NULL,
                       workflow_id = ?, mex_from = ?, mex_to = ?, mex_subject = ?, mex_local_id = ?,
                       itk_tracking_id = ?, message_header_id = ?, infrastructure_ack_code = ?, business_ack_code = ?,
                       diagnostics = ?, trace_id = ?, processed_at = now()
                 WHERE message_id = ?""")) {
            int i = 1;
            update.setString(i++, message.workflowId());
            update.setString(i++, message.from());
            update.setString(i++, message.to());
            update.setString(i++, message.subject());
            update.setString(i++, message.localId());
            update.setString(i++, facts.trackingId);
            update.setString(i++, facts.messageHeaderId);
            update.setString(i++, infrastructure.code());
            update.setString(i++, business == null ? null : business.code());
            update.setString(i++, diagnostics);
            update.setString(i++, message.traceId());
            update.setString(i, message.messageId());
            update.executeUpdate();
        }
    }
}
