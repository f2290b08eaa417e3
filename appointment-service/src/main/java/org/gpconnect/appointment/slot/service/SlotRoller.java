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
 * Keeps every schedule's rolling window filled with slots: for each day from today + first_day_offset
 * to today + last_day_offset (practice local date) and each slot session, the session's slots exist.
 * Inserting with ON CONFLICT DO NOTHING on (schedule, start) means rolling never changes an existing slot,
 * so it never undoes a booking, and replicas may roll at the same time.
 */
@ApplicationScoped
public class SlotRoller {

    private static final Logger LOG = Logger.getLogger(SlotRoller.class);

    static final String ROLL = """
            INSERT INTO slot (schedule_id, start_at, end_at, status, gp_connect_bookable, delivery_channel,
                              service_type, restricted_org_ods, restricted_org_type)
            SELECT ss.schedule_id,
                   (day.d::date + ss.start_time + make_interval(mins => n * ss.slot_minutes)) AT TIME ZONE p.time_zone,
                   (day.d::date + ss.start_time + make_interval(mins => (n + 1) * ss.slot_minutes)) AT TIME ZONE p.time_zone,
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
             WHERE sc.last_day_offset >= sc.first_day_offset
            ON CONFLICT (schedule_id, start_at) DO NOTHING
            """;

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

    /** Creates the missing slots of every schedule's window; returns how many were created. */
    public Uni<Integer> roll() {
        return pool.preparedQuery(ROLL).execute(Tuple.of(config.slots().maxWindowDays()))
                .map(rows -> rows.rowCount())
                .invoke(created -> {
                    if (created > 0) {
                        LOG.infof("Rolled slots forward: %d new slots", created);
                    }
                });
    }
}
