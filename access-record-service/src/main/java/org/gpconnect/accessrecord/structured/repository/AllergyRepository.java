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
import org.gpconnect.accessrecord.record.allergy.AllergyRecord;

/** A patient's allergies and intolerances, active and resolved, in one query. */
@ApplicationScoped
public class AllergyRepository {

    private static final String SQL = """
            SELECT id, clinical_status, category, allergy_type, code_system, code, code_display, onset_date, onset_precision,
                   asserted_date, recorder_id, asserter_id, criticality, end_date, end_reason, reaction_code,
                   reaction_display, reaction_severity, note, confidential, awaiting_filing_since
            FROM allergy_intolerance
            WHERE patient_id = $1
            ORDER BY asserted_date, id""";

    private final Pool pool;

    public AllergyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<AllergyRecord>> forPatient(String patientId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(patientId)).map(rows -> {
            List<AllergyRecord> allergies = new ArrayList<>();
            rows.forEach(row -> allergies.add(map(row)));
            return allergies;
        });
    }

    private static AllergyRecord map(Row r) {
        return new AllergyRecord(r.getUUID("id"), "active".equals(r.getString("clinical_status")), r.getString("category"),
                r.getString("allergy_type"), r.getString("code_system"), r.getString("code"), r.getString("code_display"),
                PartialDate.of(r.getLocalDate("onset_date"), r.getString("onset_precision")), r.getLocalDate("asserted_date"),
                r.getString("recorder_id"), r.getString("asserter_id"), r.getString("criticality"), r.getLocalDate("end_date"),
                r.getString("end_reason"), r.getString("reaction_code"), r.getString("reaction_display"),
                r.getString("reaction_severity"), r.getString("note"),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
