package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.document.DocumentRecord;

/** A patient's documents (metadata only) in one query. */
@ApplicationScoped
public class DocumentRepository {

    private static final String SQL = "SELECT * FROM document_reference WHERE patient_id = $1 ORDER BY indexed, id";

    private final Pool pool;

    public DocumentRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<DocumentRecord>> forPatient(String patientId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(patientId)).map(rows -> {
            List<DocumentRecord> result = new ArrayList<>();
            rows.forEach(r -> result.add(map(r)));
            return result;
        });
    }

    private static DocumentRecord map(Row r) {
        return new DocumentRecord(r.getUUID("id"), r.getString("status"), r.getString("type_system"), r.getString("type_code"),
                r.getString("type_display"), r.getString("type_text"), r.getString("description"), r.getOffsetDateTime("created"),
                r.getOffsetDateTime("indexed"), r.getString("author_org_id"), r.getString("author_ods"),
                r.getString("custodian_org_id"), r.getString("content_type"), r.getLong("size_bytes"),
                r.getString("attachment_title"), r.getUUID("encounter_id"), r.getUUID("referral_id"),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
