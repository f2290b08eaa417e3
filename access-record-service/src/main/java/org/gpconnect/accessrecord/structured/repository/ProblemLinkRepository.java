package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;

/** Whether any of a record's returned items is linked to one of the patient's problems (one query). */
@ApplicationScoped
public class ProblemLinkRepository {

    private static final String SQL = """
            SELECT EXISTS (SELECT 1 FROM problem_link l JOIN problem_header p ON p.id = l.problem_id
                           WHERE p.patient_id = $1 AND l.item_id = ANY($2))""";

    private final Pool pool;

    public ProblemLinkRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> anyLinked(String patientId, Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery(SQL).execute(Tuple.of(patientId, itemIds.toArray(UUID[]::new)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }
}
