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
import org.gpconnect.accessrecord.record.immunisation.ImmunisationRecord;

/** A patient's immunisations, given and not given, in one query. */
@ApplicationScoped
public class ImmunisationRepository {

    private static final String SQL = """
            SELECT * FROM immunisation WHERE patient_id = $1
            ORDER BY administered_date NULLS FIRST, id""";

    private final Pool pool;

    public ImmunisationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ImmunisationRecord>> forPatient(String patientId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(patientId)).map(rows -> {
            List<ImmunisationRecord> result = new ArrayList<>();
            rows.forEach(row -> result.add(map(row)));
            return result;
        });
    }

    private static ImmunisationRecord map(Row r) {
        return new ImmunisationRecord(r.getUUID("id"), r.getString("vaccine_code"), r.getString("vaccine_display"),
                r.getString("procedure_code"), r.getString("procedure_display"),
                PartialDate.of(r.getLocalDate("administered_date"), r.getString("administered_precision")),
                r.getLocalDate("recorded_date"), r.getBoolean("not_given"), r.getString("not_given_reason_code"),
                r.getString("not_given_reason"), r.getBoolean("primary_source"), r.getString("practitioner_id"),
                r.getInteger("dose_sequence"), r.getString("target_disease_code"), r.getString("target_disease_display"),
                r.getString("site_code"), r.getString("site_display"), r.getString("route_code"), r.getString("route_display"),
                r.getBoolean("parent_present"), r.getString("lot_number"), r.getString("note"),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
