package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.referral.ReferralRecord;

/** A patient's outbound referrals in one query. */
@ApplicationScoped
public class ReferralRepository {

    private static final String SQL = "SELECT * FROM referral_request WHERE patient_id = $1 ORDER BY authored_on NULLS FIRST, id";

    private final Pool pool;

    public ReferralRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ReferralRecord>> forPatient(String patientId) {
        return pool.preparedQuery(SQL).execute(Tuple.of(patientId)).map(rows -> {
            List<ReferralRecord> result = new ArrayList<>();
            rows.forEach(r -> result.add(map(r)));
            return result;
        });
    }

    private static ReferralRecord map(Row r) {
        return new ReferralRecord(r.getUUID("id"), r.getString("status"), r.getString("priority"), r.getOffsetDateTime("authored_on"),
                r.getString("requester_id"), r.getString("on_behalf_of_org_id"), r.getString("recipient_org_id"),
                r.getString("reason_code"), r.getString("reason_text"), r.getString("description"), r.getString("ubrn"),
                r.getString("note"), new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
