package org.gpconnect.accessrecord.html.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.administrative.AdministrativeItemRecord;

/**
 * A patient's administrative items in one query. The only table of the record that the structured view does
 * not read, so its repository lives with the HTML view.
 */
@ApplicationScoped
public class AdministrativeItemRepository {

    private static final String SQL = """
            SELECT id, entry_date, entry_precision, code, entry, details, confidential, awaiting_filing_since
            FROM administrative_item WHERE patient_id = $1 ORDER BY entry_date, id""";

    private final Pool pool;

    public AdministrativeItemRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<AdministrativeItemRecord>> forPatient(String patientId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(patientId)).map(rows -> {
            List<AdministrativeItemRecord> items = new ArrayList<>();
            rows.forEach(r -> items.add(map(r)));
            return items;
        });
    }

    private static AdministrativeItemRecord map(Row r) {
        return new AdministrativeItemRecord(r.getUUID("id"), PartialDate.of(r.getLocalDate("entry_date"), r.getString("entry_precision")),
                r.getString("code"), r.getString("entry"), r.getString("details"),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
