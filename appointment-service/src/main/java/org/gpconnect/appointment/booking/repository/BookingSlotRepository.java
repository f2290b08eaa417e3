package org.gpconnect.appointment.booking.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.appointment.booking.BookingSlot;

/**
 * The slots a booking names, with their schedules, in one statement on the reactive pool (as
 * {@code FreeSlotRepository}): a plain read, outside the booking transaction, for validation only. Whether a slot
 * is still free when it is taken is decided by the conditional update in {@link AppointmentWrites}.
 */
@ApplicationScoped
public class BookingSlotRepository {

    private static final String COLUMNS = """
            SELECT s.id, s.schedule_id, s.start_at, s.end_at, s.status, s.gp_connect_bookable, s.delivery_channel,
                   s.service_type, s.restricted_org_ods, s.restricted_org_type, sc.location_id, sc.practitioner_id,
                   sc.practitioner_role_code, sc.practitioner_role_display, sc.service_category_display
              FROM slot s
              JOIN schedule sc ON sc.id = s.schedule_id
            """;

    static final String BY_IDS = COLUMNS + " WHERE sc.practice_ods = $1 AND s.id = ANY($2::bigint[])";

    /** The practice's earliest free slot starting after a moment, bookable through GP Connect or not. */
    static final String EARLIEST_FREE = COLUMNS + """
             WHERE sc.practice_ods = $1 AND s.status = 'free' AND s.start_at > $2
             ORDER BY s.start_at, s.schedule_id
             LIMIT 1
            """;

    private final Pool pool;

    public BookingSlotRepository(Pool pool) {
        this.pool = pool;
    }

    /** Those of the slots that exist at the practice, in no particular order. */
    public Uni<List<BookingSlot>> find(String practiceOds, List<Long> ids) {
        return pool.preparedQuery(BY_IDS).execute(Tuple.of(practiceOds, ids.toArray(Long[]::new))).map(BookingSlotRepository::slots);
    }

    /** The practice's earliest free slot after {@code after}, or null when there is none. */
    public Uni<BookingSlot> earliestFree(String practiceOds, Instant after) {
        return pool.preparedQuery(EARLIEST_FREE).execute(Tuple.of(practiceOds, after.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<BookingSlot> slots = slots(rows);
                    return slots.isEmpty() ? null : slots.get(0);
                });
    }

    private static List<BookingSlot> slots(RowSet<Row> rows) {
        List<BookingSlot> slots = new ArrayList<>(rows.size());
        for (Row row : rows) {
            slots.add(new BookingSlot(row.getLong(0), row.getString(1), row.getOffsetDateTime(2).toInstant(),
                    row.getOffsetDateTime(3).toInstant(), row.getString(4), row.getBoolean(5), row.getString(6),
                    row.getString(7), row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                    row.getString(12), row.getString(13), row.getString(14)));
        }
        return slots;
    }
}
