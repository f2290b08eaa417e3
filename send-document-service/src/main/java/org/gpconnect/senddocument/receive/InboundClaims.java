package org.gpconnect.senddocument.receive;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Claims MESH messages in the database before any work, so that several replicas polling the same
 * mailbox never process one message twice: the first claim inserts the row
 * ({@code INSERT ... ON CONFLICT DO NOTHING}, the primary key decides the race); a later claim succeeds
 * only through a conditional {@code UPDATE} when the previous claim's lease has run out and its retry
 * time has come. The outcome is committed only by the holder of the claim (see {@link OutcomeWriter}).
 */
@ApplicationScoped
public class InboundClaims {

    /** What a claim attempt found. */
    public enum Result {
        /** This instance holds the message now: download and process it. */
        CLAIMED,
        /** Processed already: only acks/MESH acknowledge may be outstanding. */
        PROCESSED,
        /** Finished (acknowledged, foreign or gone): nothing to do. */
        DONE,
        /** Another instance holds it, or its retry time has not come. */
        BUSY
    }

    /** A claim: the result and, when claimed, the document id reserved for the message and the attempt number. */
    public record Claim(Result result, UUID documentId, int attempt) {
    }

    private final AgroalDataSource dataSource;

    public InboundClaims(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Claim claim(String messageId, String practiceOds, String mailboxId, String instance, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            UUID documentId = UUID.randomUUID();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO mesh_inbound_message (message_id, practice_ods, mailbox_id, document_id, status,
                                                      claimed_by, claimed_until, attempts)
                    VALUES (?, ?, ?, ?, 'RECEIVING', ?, now() + make_interval(secs => ?), 1)
                    ON CONFLICT (message_id) DO NOTHING""")) {
                insert.setString(1, messageId);
                insert.setString(2, practiceOds);
                insert.setString(3, mailboxId);
                insert.setObject(4, documentId);
                insert.setString(5, instance);
                insert.setDouble(6, lease.toMillis() / 1000.0);
                if (insert.executeUpdate() == 1) {
                    return new Claim(Result.CLAIMED, documentId, 1);
                }
            }
            try (PreparedStatement retake = c.prepareStatement("""
                    UPDATE mesh_inbound_message
                       SET claimed_by = ?, claimed_until = now() + make_interval(secs => ?), attempts = attempts + 1
                     WHERE message_id = ? AND status = 'RECEIVING'
                       AND (claimed_until IS NULL OR claimed_until < now()) AND next_attempt_at <= now()
                    RETURNING document_id, attempts""")) {
                retake.setString(1, instance);
                retake.setDouble(2, lease.toMillis() / 1000.0);
                retake.setString(3, messageId);
                try (ResultSet rs = retake.executeQuery()) {
                    if (rs.next()) {
                        return new Claim(Result.CLAIMED, rs.getObject(1, UUID.class), rs.getInt(2));
                    }
                }
            }
            try (PreparedStatement status = c.prepareStatement("SELECT status FROM mesh_inbound_message WHERE message_id = ?")) {
                status.setString(1, messageId);
                try (ResultSet rs = status.executeQuery()) {
                    String s = rs.next() ? rs.getString(1) : "RECEIVING";
                    return new Claim(switch (s) {
                        case "PROCESSED" -> Result.PROCESSED;
                        case "RECEIVING" -> Result.BUSY;
                        default -> Result.DONE;
                    }, null, 0);
                }
            }
        }
    }

    /**
     * Takes a processed message to send its acks and acknowledge it in MESH, unless another instance is
     * doing so (the same lease columns guard it, so acks are not sent twice by two replicas at once).
     */
    public boolean claimForFinishing(String messageId, String instance, Duration lease) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE mesh_inbound_message SET claimed_by = ?, claimed_until = now() + make_interval(secs => ?)
                      WHERE message_id = ? AND status = 'PROCESSED'
                        AND (claimed_until IS NULL OR claimed_until < now() OR claimed_by = ?)""")) {
            update.setString(1, instance);
            update.setDouble(2, lease.toMillis() / 1000.0);
            update.setString(3, messageId);
            update.setString(4, instance);
            return update.executeUpdate() == 1;
        }
    }

    /** Gives a claimed message back after a failure; it is tried again after {@code backoff}. */
    public void release(String messageId, String instance, String error, Duration backoff) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE mesh_inbound_message
                        SET claimed_by = NULL, claimed_until = NULL, last_error = ?,
                            next_attempt_at = now() + make_interval(secs => ?)
                      WHERE message_id = ? AND claimed_by = ?""")) {
            update.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
            update.setDouble(2, backoff.toMillis() / 1000.0);
            update.setString(3, messageId);
            update.setString(4, instance);
            update.executeUpdate();
        }
    }

    /** Ends a claim on a message that is not ours to process (FOREIGN) or no longer in MESH (GONE). */
    public void close(String messageId, String instance, String status, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE mesh_inbound_message
                        SET status = ?, claimed_by = NULL, claimed_until = NULL, last_error = ?
                      WHERE message_id = ? AND claimed_by = ? AND status = 'RECEIVING'""")) {
            update.setString(1, status);
            update.setString(2, reason);
            update.setString(3, messageId);
            update.setString(4, instance);
            update.executeUpdate();
        }
    }

    /** Processed messages of a practice whose acks or MESH acknowledge are still outstanding. */
    public List<String> unfinished(String practiceOds) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT message_id FROM mesh_inbound_message WHERE practice_ods = ? AND status = 'PROCESSED' ORDER BY processed_at")) {
            select.setString(1, practiceOds);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}
