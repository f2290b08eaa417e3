package org.gpconnect.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Map;

/**
 * The patient record's documents, read where access-record-service keeps them: a filed report is in the
 * record once its {@code document_reference} row (keyed by send-document-service's document id) is
 * committed; that row is what the structured record returns as the DocumentReference of the "Document
 * received" consultation. Read-only.
 */
final class RecordDocuments implements AutoCloseable {

    private static final String RECORDED = "SELECT source_document_id FROM document_reference WHERE source_document_id = ANY(?)";

    private final Connection connection;

    RecordDocuments(String jdbcUrl, String user, String password) throws Exception {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        connection.setReadOnly(true);
    }

    /** Stamps the reports (filed, not yet seen in the record) whose DocumentReference is now there. */
    void poll(Collection<ReportTimeline> filed, Map<String, ReportTimeline> byDocumentId) throws Exception {
        String[] ids = filed.stream().map(t -> t.documentId).toArray(String[]::new);
        if (ids.length == 0) {
            return;
        }
        Array array = connection.createArrayOf("varchar", ids);
        try (PreparedStatement query = connection.prepareStatement(RECORDED)) {
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                long now = System.nanoTime();
                while (rows.next()) {
                    ReportTimeline timeline = byDocumentId.get(rows.getString(1));
                    if (timeline != null && timeline.inRecord == 0) {
                        timeline.inRecord = now;
                    }
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
