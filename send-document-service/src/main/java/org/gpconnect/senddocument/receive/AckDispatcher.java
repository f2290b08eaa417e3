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
import java.util.concurrent.TimeUnit;
import org.gpconnect.senddocument.config.MailboxRegistry.PracticeMailbox;
import org.gpconnect.senddocument.itk.ItkValidator;
import org.gpconnect.senddocument.mesh.MeshClient;
import org.jboss.logging.Logger;

/**
 * Finishes a processed message: sends its queued ITK3 acknowledgements over MESH (workflow
 * {@value ItkValidator#ACK_WORKFLOW}, to the original sender's mailbox), marking each as sent, and only
 * then acknowledges the message in MESH (send-document.md §2.1: "after successful processing/persisting").
 * Any failure leaves the rest for the next poll; an ack already marked sent is never sent again.
 */
@ApplicationScoped
public class AckDispatcher {

    private static final Logger LOG = Logger.getLogger(AckDispatcher.class);

    private final AgroalDataSource dataSource;
    private final MeshClientProvider mesh;

    public AckDispatcher(AgroalDataSource dataSource, MeshClientProvider mesh) {
        this.dataSource = dataSource;
        this.mesh = mesh;
    }

    /** @return true when the message is acknowledged in MESH */
    public boolean finish(PracticeMailbox mailbox, String messageId, Duration timeout) throws Exception {
        MeshClient client = mesh.client();
        for (PendingAck ack : pending(messageId)) {
            String sentId = client.send(mailbox, new MeshClient.OutgoingMessage(ack.to(), ItkValidator.ACK_WORKFLOW,
                            ack.subject(), mailbox.practiceOds(), "itk3-response-" + ack.code() + ".xml",
                            ack.contentType(), ack.body()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            markSent(ack.id(), sentId);
        }
        client.acknowledge(mailbox, messageId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        markAcknowledged(messageId);
        LOG.infof("MESH message %s acknowledged", messageId);
        return true;
    }

    private record PendingAck(long id, String code, String to, String subject, String contentType, byte[] body) {
    }

    private List<PendingAck> pending(String messageId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT id, code, mex_to, subject, content_type, body FROM mesh_outbound_ack
                      WHERE inbound_message_id = ? AND sent_at IS NULL ORDER BY id""")) {
            select.setString(1, messageId);
            List<PendingAck> acks = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    acks.add(new PendingAck(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBytes(6)));
                }
            }
            return acks;
        }
    }

    private void markSent(long ackId, String meshMessageId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE mesh_outbound_ack SET sent_at = now(), sent_message_id = ? WHERE id = ?")) {
            update.setString(1, meshMessageId);
            update.setLong(2, ackId);
            update.executeUpdate();
        }
    }

    private void markAcknowledged(String messageId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     UPDATE mesh_inbound_message SET status = 'ACKNOWLEDGED', acknowledged_at = now(),
                            claimed_by = NULL, claimed_until = NULL
                      WHERE message_id = ?""")) {
            update.setString(1, messageId);
            update.executeUpdate();
        }
    }
}
