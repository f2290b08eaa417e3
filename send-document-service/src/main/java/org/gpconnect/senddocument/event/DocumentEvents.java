package org.gpconnect.senddocument.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.gpconnect.common.event.DocumentEventV1;

/**
 * Writes document events to the outbox table inside the caller's JDBC transaction (the receiving pipeline
 * runs on JDBC, see docs/adr/0010-send-document-receiving-pipeline.md): the same row {@code org.gpconnect.common.outbox.Outbox} writes from
 * reactive transactions, published by the same {@code OutboxRelay}, keyed by the document id so the
 * events of one document stay in order.
 */
@ApplicationScoped
public class DocumentEvents {

    private final ObjectMapper json;

    public DocumentEvents(ObjectMapper json) {
        this.json = json;
    }

    public void append(Connection connection, DocumentEventV1 event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (topic, event_key, event_type, payload, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, DocumentEventV1.TOPIC);
            insert.setString(2, event.documentId());
            insert.setString(3, event.kind().eventType());
            insert.setString(4, serialise(event));
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    public String serialise(DocumentEventV1 event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("document event cannot be written as JSON", e);
        }
    }
}
