package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord.ResultRecord;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord.SpecimenRecord;
import org.gpconnect.accessrecord.record.investigation.InvestigationRecord.TestRequest;

/** A patient's test reports with requests, specimens and observations: three queries however many reports. */
@ApplicationScoped
public class InvestigationRepository {

    private static final String REPORTS = """
            SELECT r.*, t.id AS t_id, t.code AS t_code, t.code_display AS t_display, t.code_text AS t_text,
                   t.authored_on AS t_authored_on, t.requester_id AS t_requester_id
            FROM diagnostic_report r LEFT JOIN test_request t ON t.id = r.test_request_id
            WHERE r.patient_id = $1 ORDER BY r.issued, r.id""";

    private static final String SPECIMENS = """
            SELECT s.* FROM specimen s JOIN diagnostic_report r ON r.id = s.report_id
            WHERE r.patient_id = $1 ORDER BY s.report_id, s.position""";

    private static final String OBSERVATIONS = """
            SELECT o.* FROM investigation_observation o JOIN diagnostic_report r ON r.id = o.report_id
            WHERE r.patient_id = $1 ORDER BY o.report_id, o.position""";

    private final Pool pool;

    public InvestigationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<InvestigationRecord>> forPatient(String patientId) {
        Tuple patient = Tuple.of(patientId);
        Map<UUID, List<SpecimenRecord>> specimens = new HashMap<>();
        Map<UUID, List<ResultRecord>> observations = new HashMap<>();
        return pool.preparedQuery(SPECIMENS).execute(patient)
                .invoke(rows -> rows.forEach(r -> specimens.computeIfAbsent(r.getUUID("report_id"), k -> new ArrayList<>())
                        .add(new SpecimenRecord(r.getUUID("id"), r.getString("type_code"), r.getString("type_display"),
                                r.getOffsetDateTime("collected_at"), r.getString("fasting_status")))))
                .chain(() -> pool.preparedQuery(OBSERVATIONS).execute(patient))
                .invoke(rows -> rows.forEach(r -> observations.computeIfAbsent(r.getUUID("report_id"), k -> new ArrayList<>())
                        .add(result(r))))
                .chain(() -> pool.preparedQuery(REPORTS).execute(patient))
                .map(rows -> {
                    List<InvestigationRecord> reports = new ArrayList<>();
                    rows.forEach(r -> reports.add(report(r, specimens.getOrDefault(r.getUUID("id"), List.of()),
                            observations.getOrDefault(r.getUUID("id"), List.of()))));
                    return reports;
                });
    }

    private static ResultRecord result(Row r) {
        return new ResultRecord(r.getUUID("id"), r.getUUID("group_id"), r.getString("kind"), r.getString("code"),
                r.getString("code_display"), r.getString("status"), r.getBigDecimal("value_quantity"), r.getString("value_unit"),
                r.getString("value_string"), r.getString("comment"), r.getOffsetDateTime("issued"), r.getString("performer_id"),
                r.getBoolean("confidential"));
    }

    private static InvestigationRecord report(Row r, List<SpecimenRecord> specimens, List<ResultRecord> observations) {
        TestRequest request = r.getUUID("t_id") == null ? null : new TestRequest(r.getUUID("t_id"), r.getString("t_code"),
                r.getString("t_display"), r.getString("t_text"), r.getLocalDate("t_authored_on"), r.getString("t_requester_id"));
        return new InvestigationRecord(r.getUUID("id"), r.getString("code"), r.getString("code_display"), r.getString("status"),
                r.getOffsetDateTime("issued"), r.getString("performer_org_id"), r.getString("conclusion"), request,
                List.copyOf(specimens), List.copyOf(observations),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
