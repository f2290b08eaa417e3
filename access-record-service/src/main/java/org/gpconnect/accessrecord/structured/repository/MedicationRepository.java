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
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.medication.MedicationAuthorisation;
import org.gpconnect.accessrecord.record.medication.MedicationIssue;
import org.gpconnect.accessrecord.record.medication.MedicationProduct;

/**
 * A patient's medication: authorisations with their product (one query) and all their issues (one more),
 * however many authorisations there are.
 */
@ApplicationScoped
public class MedicationRepository {

    private static final String AUTHORISATIONS = """
            SELECT a.*, m.code_system AS m_code_system, m.code AS m_code, m.code_display AS m_code_display,
                   m.code_text AS m_code_text
            FROM medication_authorisation a
            JOIN medication m ON m.id = a.medication_id
            WHERE a.patient_id = $1
            ORDER BY a.effective_start NULLS FIRST, a.id""";

    private static final String ISSUES = """
            SELECT i.id, i.authorisation_id, i.issue_number, i.status, i.issue_date, i.validity_end, i.recorder_id
            FROM medication_issue i
            JOIN medication_authorisation a ON a.id = i.authorisation_id
            WHERE a.patient_id = $1
            ORDER BY i.authorisation_id, i.issue_number""";

    private final Pool pool;

    public MedicationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<MedicationAuthorisation>> forPatient(String patientId) {
        Tuple patient = Tuple.of(patientId);
        return pool.preparedQuery(ISSUES).execute(patient).chain(issueRows -> {
            Map<UUID, List<MedicationIssue>> issues = new HashMap<>();
            issueRows.forEach(r -> {
                MedicationIssue issue = new MedicationIssue(r.getUUID("id"), r.getUUID("authorisation_id"),
                        r.getInteger("issue_number"), r.getString("status"), r.getLocalDate("issue_date"),
                        r.getLocalDate("validity_end"), r.getString("recorder_id"));
                issues.computeIfAbsent(issue.authorisationId(), k -> new ArrayList<>()).add(issue);
            });
            return pool.preparedQuery(AUTHORISATIONS).execute(patient).map(rows -> {
                List<MedicationAuthorisation> authorisations = new ArrayList<>();
                rows.forEach(r -> authorisations.add(map(r, issues.getOrDefault(r.getUUID("id"), List.of()))));
                return authorisations;
            });
        });
    }

    private static MedicationAuthorisation map(Row r, List<MedicationIssue> issues) {
        MedicationProduct product = new MedicationProduct(r.getUUID("medication_id"), r.getString("m_code_system"),
                r.getString("m_code"), r.getString("m_code_display"), r.getString("m_code_text"));
        return new MedicationAuthorisation(r.getUUID("id"), r.getUUID("statement_id"), product, r.getString("status"),
                r.getString("statement_status"), r.getString("prescription_type"), r.getString("prescribing_agency"),
                PartialDate.of(r.getLocalDate("effective_start"), r.getString("effective_start_precision")),
                PartialDate.of(r.getLocalDate("effective_end"), r.getString("effective_end_precision")),
                r.getLocalDate("authored_on"), r.getLocalDate("date_asserted"), r.getString("recorder_id"),
                r.getString("dosage_text"), r.getString("quantity_text"), r.getInteger("repeats_allowed"),
                r.getInteger("repeats_issued"), r.getLocalDate("authorisation_expiry"), r.getLocalDate("last_issue_date"),
                r.getLocalDate("status_reason_date"), r.getString("status_reason"), r.getString("reason_code"),
                r.getString("reason_display"), r.getString("note"),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")),
                List.copyOf(issues));
    }
}
