package org.gpconnect.appointment.slot.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.appointment.slot.FreeSlot;
import org.gpconnect.appointment.slot.SlotQuery;

/**
 * The slot half of a free-slot search, as one SQL statement on the reactive pool. Not Panache: a 14-day
 * search reads about a thousand rows, which here go straight from the wire into small immutable records,
 * without the managed entities, dirty-checking snapshots and first-level cache Hibernate would build for
 * rows that are only read.
 */
@ApplicationScoped
public class FreeSlotRepository {

    /*
     * - status = 'free' AND gp_connect_bookable, verbatim, so the planner can use the partial index
     *   slot_free_window_idx (start_at) WHERE status = 'free' AND gp_connect_bookable;
     * - start_at < $3 bounds that index range at the top as well (a slot ending by $3 starts before it);
     * - only the three coded delivery channels: visits are never exposed (§3.3, §9) and anything else could
     *   not be put in the DeliveryChannel extension;
     * - the searchFilter table of §3.4 in one predicate: a restriction is passed when it is absent or the
     *   consumer sent its value. With no ODS code sent, ANY('{}') is false, so only slots without an ODS
     *   restriction remain; the same for the organisation type; with both sent, each restriction is checked
     *   against its own filter. That is each row of the table.
     */
    static final String FREE_SLOTS = """
            SELECT s.id, s.schedule_id, s.start_at, s.end_at, s.delivery_channel, s.service_type, s.version
              FROM slot s
              JOIN schedule sc ON sc.id = s.schedule_id
             WHERE sc.practice_ods = $1
               AND s.status = 'free' AND s.gp_connect_bookable
               AND s.start_at >= $2 AND s.start_at < $3 AND s.end_at <= $3
               AND s.delivery_channel IN ('In-person', 'Telephone', 'Video')
               AND (s.restricted_org_ods IS NULL OR s.restricted_org_ods = ANY($4::text[]))
               AND (s.restricted_org_type IS NULL OR s.restricted_org_type = ANY($5::text[]))
             ORDER BY s.start_at, s.schedule_id, s.id
            """;

    private final Pool pool;

    public FreeSlotRepository(Pool pool) {
        this.pool = pool;
    }

    /** The practice's slots a search returns, by start time. */
    public Uni<List<FreeSlot>> find(String practiceOds, SlotQuery query) {
        Tuple parameters = Tuple.of(practiceOds,
                query.from().atOffset(ZoneOffset.UTC), query.to().atOffset(ZoneOffset.UTC),
                query.odsCodes().toArray(String[]::new), query.organisationTypes().toArray(String[]::new));
        return pool.preparedQuery(FREE_SLOTS).execute(parameters).map(rows -> {
            List<FreeSlot> slots = new ArrayList<>(rows.size());
            for (Row row : rows) {
                slots.add(new FreeSlot(row.getLong(0), row.getString(1),
                        row.getOffsetDateTime(2).toInstant(), row.getOffsetDateTime(3).toInstant(),
                        row.getString(4), row.getString(5), row.getInteger(6)));
            }
            return slots;
        });
    }
}
