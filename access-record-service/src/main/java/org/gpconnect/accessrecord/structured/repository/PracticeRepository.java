package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.gpconnect.accessrecord.record.ClinicalArea;
import org.gpconnect.accessrecord.record.PracticeSettings;

/** A served practice with its switches (Structured, HTML, the per-area switches aggregated), in one query. */
@ApplicationScoped
public class PracticeRepository {

    private static final String SQL = """
            SELECT p.ods_code, p.organization_id, p.gp_connect_enabled, p.structured_enabled, p.html_enabled,
                   coalesce(array_agg(a.area) FILTER (WHERE a.area IS NOT NULL AND NOT a.enabled), '{}') AS disabled
            FROM practice p
            LEFT JOIN practice_clinical_area a ON a.practice_ods = p.ods_code
            WHERE p.ods_code = $1
            GROUP BY p.ods_code""";

    private final Pool pool;

    public PracticeRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<PracticeSettings>> find(String odsCode) {
        return pool.preparedQuery(SQL).execute(Tuple.of(odsCode))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(map(rows.iterator().next())) : Optional.empty());
    }

    private static PracticeSettings map(Row row) {
        Set<ClinicalArea> disabled = EnumSet.noneOf(ClinicalArea.class);
        Arrays.stream(row.getArrayOfStrings("disabled"))
                .forEach(name -> ClinicalArea.byConfigName(name).ifPresent(disabled::add));
        return new PracticeSettings(row.getString("ods_code"), row.getString("organization_id"),
                row.getBoolean("gp_connect_enabled"), row.getBoolean("structured_enabled"),
                row.getBoolean("html_enabled"), disabled);
    }
}
