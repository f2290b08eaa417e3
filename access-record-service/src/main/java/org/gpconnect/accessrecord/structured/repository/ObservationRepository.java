package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gpconnect.accessrecord.record.PartialDate;
import org.gpconnect.accessrecord.record.SharingControls;
import org.gpconnect.accessrecord.record.observation.ObservationRecord;
import org.gpconnect.accessrecord.record.observation.ObservationRecord.Component;
import org.gpconnect.accessrecord.record.observation.ObservationRecord.Kind;

/** A patient's observations of the given kinds with their components: two queries however many there are. */
@ApplicationScoped
public class ObservationRepository {

    private static final String OBSERVATIONS = """
            SELECT * FROM observation WHERE patient_id = $1 AND kind = ANY($2)
            ORDER BY coalesce(effective_at::date, effective_date) NULLS FIRST, id""";

    private static final String COMPONENTS = """
            SELECT c.* FROM observation_component c JOIN observation o ON o.id = c.observation_id
            WHERE o.patient_id = $1 AND o.kind = ANY($2)
            ORDER BY c.observation_id, c.position""";

    private final Pool pool;

    public ObservationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ObservationRecord>> forPatient(String patientId, Collection<Kind> kinds) {
        Tuple args = Tuple.of(patientId, kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toArray(String[]::new));
        return pool.preparedQuery(COMPONENTS).execute(args).chain(componentRows -> {
            Map<UUID, List<Component>> components = new HashMap<>();
            componentRows.forEach(r -> components.computeIfAbsent(r.getUUID("observation_id"), k -> new ArrayList<>())
                    .add(new Component(r.getString("code"), r.getString("code_display"),
                            r.getBigDecimal("value_quantity"), r.getString("value_unit"))));
            return pool.preparedQuery(OBSERVATIONS).execute(args).map(rows -> {
                List<ObservationRecord> result = new ArrayList<>();
                rows.forEach(row -> result.add(map(row, components.getOrDefault(row.getUUID("id"), List.of()))));
                return result;
            });
        });
    }

    private static ObservationRecord map(Row r, List<Component> components) {
        return new ObservationRecord(r.getUUID("id"), Kind.of(r.getString("kind")), r.getString("code"), r.getString("code_display"),
                PartialDate.of(r.getLocalDate("effective_date"), r.getString("effective_precision")),
                r.getOffsetDateTime("effective_at"), r.getOffsetDateTime("issued"), r.getString("performer_id"),
                r.getBigDecimal("value_quantity"), r.getString("value_unit"), r.getString("value_string"),
                r.getString("comment"), List.copyOf(components),
                new SharingControls(r.getBoolean("confidential"), r.getLocalDate("awaiting_filing_since")));
    }
}
