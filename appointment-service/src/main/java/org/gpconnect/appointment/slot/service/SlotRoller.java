package org.gpconnect.appointment.slot.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.gpconnect.appointment.config.AppointmentServiceConfig;
import org.gpconnect.common.seed.SeedDataLoader;
import org.jboss.logging.Logger;

/**
 * Keeps every schedule's rolling window filled with slots made from its slot sessions (the practice's templates):
 * for each day from today + first_day_offset to today + last_day_offset (practice local date) on which a session
 * runs, the session's slots exist. One roll, in one transaction:
 * <ol>
 *   <li><b>withdraw</b> the free future slots a template no longer makes: its session was removed, changed since
 *       (the slot carries the session version it was made from), or the slot lies beyond the shortened window.
 *       A slot an appointment ever held (a cancelled booking) is kept and blocked ({@code busy-unavailable}) rather
 *       than deleted; booked slots are never touched, nor slots that no template made;</li>
 *   <li><b>insert</b> the missing slots of every session, except where a slot of the schedule already overlaps
 *       (a booked slot of an older template keeps its time), with ON CONFLICT DO NOTHING on (schedule, start).</li>
 * </ol>
 * So a change to a template takes effect at the next roll, rolling never undoes a booking, and replicas may roll at
 * the same time (both steps only ever act on rows still free, re-checked under the row lock).
 */
@ApplicationScoped
public class SlotRoller {

    private static final Logger LOG = Logger.getLogger(SlotRoller.class);

    /** Free future slots made from a template that no longer makes them ($1 max window days, $2 practice or null). */
    private static final String STALE = """
            SELECT s.id FROM slot s
              JOIN schedule sc ON sc.id = s.schedule_id
              JOIN practice p ON p.ods_code = sc.practice_ods
              LEFT JOIN slot_session ss ON ss.id = s.session_id
             WHERE s.status = 'free' AND s.start_at > now() AND s.session_version IS NOT NULL
               AND ($2::text IS NULL OR sc.practice_ods = $2::text)
               AND (ss.id IS NULL OR ss.version <> s.session_version
                    OR (s.start_at AT TIME ZONE p.time_zone)::date
                       > (now() AT TIME ZONE p.time_zone)::date + LEAST(sc.last_day_offset, $1))
            """;

    static final String WITHDRAW = "WITH stale AS (" + STALE + """
            )
            DELETE FROM slot d USING stale
             WHERE d.id = stale.id AND d.status = 'free'
               AND NOT EXISTS (SELECT 1 FROM appointment_slot a WHERE a.slot_id = d.id)
            """;

    static final String BLOCK = "WITH stale AS (" + STALE + """
            )
            UPDATE slot b SET status = 'busy-unavailable', version = b.version + 1
              FROM stale
             WHERE b.id = stale.id AND b.status = 'free'
            """;

    static final String ROLL = """
            INSERT INTO slot (schedule_id, session_id, session_version, start_at, end_at, status, gp_connect_bookable,
                              delivery_channel, service_type, restricted_org_ods, restricted_org_type)
            SELECT ss.schedule_id, ss.id, ss.version, t.start_at, t.end_at,
                   'free', ss.gp_connect_bookable, ss.delivery_channel, ss.service_type,
                   ss.restricted_org_ods, ss.restricted_org_type
              FROM slot_session ss
              JOIN schedule sc ON sc.id = ss.schedule_id
              JOIN practice p ON p.ods_code = sc.practice_ods
             CROSS JOIN LATERAL generate_series(
                   (now() AT TIME ZONE p.time_zone)::date + sc.first_day_offset,
                   (now() AT TIME ZONE p.time_zone)::date + LEAST(sc.last_day_offset, $1),
                   interval '1 day') AS day(d)
             CROSS JOIN LATERAL generate_series(0,
                   (extract(epoch FROM ss.end_time - ss.start_time)::int / 60) / ss.slot_minutes - 1) AS n
             CROSS JOIN LATERAL (SELECT
                   (day.d::date + ss.start_time + make_interval(mins => n * ss.slot_minutes)) AT TIME ZONE p.time_zone AS start_at,
                   (day.d::date + ss.start_time + make_interval(mins => (n + 1) * ss.slot_minutes)) AT TIME ZONE p.time_zone AS end_at) t
             WHERE sc.last_day_offset >= sc.first_day_offset
               AND ($2::text IS NULL OR sc.practice_ods = $2::text)
               AND extract(isodow FROM day.d)::smallint = ANY (ss.days_of_week)
               AND t.start_at > now()
               AND NOT EXISTS (SELECT 1 FROM slot o
                                WHERE o.schedule_id = ss.schedule_id
                                  AND o.start_at < t.end_at AND o.end_at > t.start_at
                                  AND o.start_at > t.start_at - interval '8 hours')
            ON CONFLICT (schedule_id, start_at) DO NOTHING
            """;

    /** What a roll did: slots created, free slots withdrawn (deleted), slots once booked now blocked. */
    public record RollResult(int created, int withdrawn, int blocked) {
    }

    private final Pool pool;
    private final AppointmentServiceConfig config;

    public SlotRoller(Pool pool, AppointmentServiceConfig config) {
        this.pool = pool;
        this.config = config;
    }

    void onStart(@Observes @Priority(SeedDataLoader.PRIORITY + 1) StartupEvent event) {
        roll().await().atMost(Duration.ofMinutes(2));
    }

    @Scheduled(every = "${gpconnect.appointments.slots.roll-interval:1h}", delayed = "${gpconnect.appointments.slots.roll-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRoll() {
        return roll().onFailure().invoke(e -> LOG.error("Rolling slots forward failed; the next run will retry", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Rolls every practice's schedules; returns how many slots were created. */
    public Uni<Integer> roll() {
        return roll(null).map(RollResult::created);
    }

    /** Rolls one practice's schedules now (or every practice's, for null). */
    public Uni<RollResult> roll(String practiceOds) {
        Tuple parameters = Tuple.of(config.slots().maxWindowDays(), practiceOds);
        return pool.withTransaction(connection -> connection.preparedQuery(WITHDRAW).execute(parameters)
                        .chain(withdrawn -> connection.preparedQuery(BLOCK).execute(parameters)
                                .chain(blocked -> connection.preparedQuery(ROLL).execute(parameters)
                                        .map(created -> new RollResult(created.rowCount(), withdrawn.rowCount(), blocked.rowCount())))))
                .invoke(result -> {
                    if (result.created() > 0 || result.withdrawn() > 0 || result.blocked() > 0) {
                        LOG.infof("Rolled slots%s: %d new, %d withdrawn, %d blocked", practiceOds == null ? "" : " of " + practiceOds,
                                result.created(), result.withdrawn(), result.blocked());
                    }
                });
    }
}
