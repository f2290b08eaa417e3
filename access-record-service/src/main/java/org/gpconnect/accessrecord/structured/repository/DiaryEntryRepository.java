package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.diary.DiaryEntryRecord;

/** A patient's diary entries, complete or not, in one query. */
@ApplicationScoped
public class DiaryEntryRepository {

    private static final String SQL = "SELECT * FROM diary_entry WHERE patient_id = $1 ORDER BY occurrence_date NULLS FIRST, id";

    private final Pool pool;

    public DiaryEntryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<DiaryEntryRecord>> forPatient(String patientId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(patientId)).map(rows -> {
            List<DiaryEntryRecord> result = new ArrayList<>();
            rows.forEach(r -> result.add(map(r)));
            return result;
        });
    }

    private static DiaryEntryRecord map(Row r) {
        return new DiaryEntryRecord(r.getUUID("id"), r.getString("code"), r.getString("code_display"), r.getString("code_text"),
                r.getBoolean("completed"), PartialDate.of(r.getLocalDate("occurrence_date"), r.getString("occurrence_precision")),
                r.getLocalDate("authored_on"), r.getString("requester_id"), r.getString("note"),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
