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
import org.gpconnect.accessrecord.record.problem.ProblemLink;
import org.gpconnect.accessrecord.record.problem.ProblemRecord;

/** A patient's problems and all their links: two queries. */
@ApplicationScoped
public class ProblemRepository {

    private static final String PROBLEMS = """
            SELECT * FROM problem_header WHERE patient_id = $1 ORDER BY onset_date NULLS FIRST, id""";

    private static final String LINKS = """
            SELECT l.problem_id, l.item_type, l.item_id, l.relationship
            FROM problem_link l JOIN problem_header p ON p.id = l.problem_id
            WHERE p.patient_id = $1 ORDER BY l.problem_id, l.item_type, l.item_id""";

    private final Pool pool;

    public ProblemRepository(Pool pool) {
        this.pool = pool;
    }

    public record PatientProblems(List<ProblemRecord> problems, List<ProblemLink> links) {
    }

    public Uni<PatientProblems> forPatient(String patientId) {
        Tuple patient = Tuple.of(patientId);
        return pool.preparedQuery(PROBLEMS).execute(patient).chain(problemRows -> {
            List<ProblemRecord> problems = new ArrayList<>();
            problemRows.forEach(r -> problems.add(map(r)));
            return pool.preparedQuery(LINKS).execute(patient).map(linkRows -> {
                List<ProblemLink> links = new ArrayList<>();
                linkRows.forEach(r -> links.add(new ProblemLink(r.getUUID("problem_id"), r.getString("item_type"),
                        r.getUUID("item_id"), r.getString("relationship"))));
                return new PatientProblems(problems, links);
            });
        });
    }

    private static ProblemRecord map(Row r) {
        return new ProblemRecord(r.getUUID("id"), "active".equals(r.getString("clinical_status")), r.getString("significance"),
                r.getString("code"), r.getString("code_display"),
                PartialDate.of(r.getLocalDate("onset_date"), r.getString("onset_precision")), r.getLocalDate("abatement_date"),
                r.getLocalDate("asserted_date"), r.getString("asserter_id"), r.getString("note"),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
