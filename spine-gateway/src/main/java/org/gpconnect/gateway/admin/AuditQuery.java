package org.gpconnect.gateway.admin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.common.event.AuditEventV1;

/** Reads the audit trail for operators, by trace id, patient, consumer and time range (newest first). */
@ApplicationScoped
public class AuditQuery {

    private final Pool pool;

    public AuditQuery(Pool pool) {
        this.pool = pool;
    }

    /** Criteria left null do not restrict the result. */
    public record Criteria(String traceId, String nhsNumber, String consumerAsid, OffsetDateTime from, OffsetDateTime to, int limit) {
    }

    public Uni<List<AuditEventV1>> find(Criteria criteria) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_record WHERE true");
        List<Object> args = new ArrayList<>();
        condition(sql, args, " AND trace_id = $", criteria.traceId());
        condition(sql, args, " AND patient_nhs_number = $", criteria.nhsNumber());
        condition(sql, args, " AND consumer_asid = $", criteria.consumerAsid());
        condition(sql, args, " AND recorded_at >= $", criteria.from());
        condition(sql, args, " AND recorded_at < $", criteria.to());
        args.add(criteria.limit());
        sql.append(" ORDER BY recorded_at DESC LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<AuditEventV1> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(toEvent(row));
            }
            return events;
        });
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(clause).append(args.size());
        }
    }

    private static AuditEventV1 toEvent(Row row) {
        return new AuditEventV1(row.getUUID("id").toString(), row.getOffsetDateTime("recorded_at").toInstant(),
                row.getString("trace_id"), row.getString("interaction_id"), row.getString("consumer_asid"),
                row.getString("provider_asid"), row.getString("target_ods"), row.getString("requesting_organization_ods"),
                row.getString("practitioner_id"), row.getString("practitioner_sds_user_id"),
                row.getString("practitioner_role_profile"), row.getString("device"), row.getString("patient_nhs_number"),
                row.getString("http_method"), row.getString("request_path"), row.getInteger("http_status"),
                row.getString("outcome_code"), row.getInteger("latency_ms"));
    }
}
