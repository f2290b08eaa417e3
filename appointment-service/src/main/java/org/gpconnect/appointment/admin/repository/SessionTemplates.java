package org.gpconnect.appointment.admin.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gpconnect.appointment.admin.ScheduleView;
import org.gpconnect.appointment.admin.SessionTemplate;
import org.gpconnect.appointment.admin.SessionView;

/**
 * A practice's schedules and their slot sessions (tables {@code schedule}, {@code slot_session}), as SQL on the
 * caller's connection (so the service decides what runs in one transaction). Every statement is scoped to the
 * practice: one practice's staff never see or change another's schedules.
 */
@ApplicationScoped
public class SessionTemplates {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static final String SCHEDULES = """
            SELECT id, identifier, service_category_display, practitioner_id, location_id, first_day_offset, last_day_offset
              FROM schedule WHERE practice_ods = $1 ORDER BY id
            """;

    static final String SCHEDULE = """
            SELECT id, identifier, service_category_display, practitioner_id, location_id, first_day_offset, last_day_offset
              FROM schedule WHERE practice_ods = $1 AND id = $2
            """;

    /** The schedule row locked: session changes of one schedule happen one at a time (the overlap check holds). */
    static final String LOCK_SCHEDULE = "SELECT id FROM schedule WHERE practice_ods = $1 AND id = $2 FOR UPDATE";

    static final String SESSION_COLUMNS = """
            ss.id, ss.schedule_id, ss.days_of_week, ss.start_time, ss.end_time, ss.slot_minutes, ss.gp_connect_bookable,
            ss.delivery_channel, ss.service_type, ss.restricted_org_ods, ss.restricted_org_type, ss.version
            """;

    static final String SESSIONS = "SELECT " + SESSION_COLUMNS + """
              FROM slot_session ss JOIN schedule sc ON sc.id = ss.schedule_id
             WHERE sc.practice_ods = $1 AND ($2::text IS NULL OR ss.schedule_id = $2::text)
             ORDER BY ss.schedule_id, ss.start_time, ss.id
            """;

    static final String SESSION = "SELECT " + SESSION_COLUMNS + """
              FROM slot_session ss JOIN schedule sc ON sc.id = ss.schedule_id
             WHERE sc.practice_ods = $1 AND ss.schedule_id = $2 AND ss.id = $3
            """;

    /** Another session of the schedule running at an overlapping time on a shared day. */
    static final String OVERLAPPING = """
            SELECT id FROM slot_session
             WHERE schedule_id = $1 AND id <> $2 AND start_time < $4 AND end_time > $3 AND days_of_week && $5::smallint[]
             ORDER BY start_time LIMIT 1
            """;

    static final String INSERT = """
            INSERT INTO slot_session AS ss (schedule_id, days_of_week, start_time, end_time, slot_minutes, gp_connect_bookable,
                                            delivery_channel, service_type, restricted_org_ods, restricted_org_type)
            VALUES ($1, $2::smallint[], $3, $4, $5, $6, $7, $8, $9, $10)
            RETURNING
            """ + SESSION_COLUMNS;

    /** Only the version read, when one is given ($12). */
    static final String UPDATE = """
            UPDATE slot_session AS ss SET days_of_week = $3::smallint[], start_time = $4, end_time = $5, slot_minutes = $6,
                   gp_connect_bookable = $7, delivery_channel = $8, service_type = $9, restricted_org_ods = $10,
                   restricted_org_type = $11, version = ss.version + 1
             WHERE ss.schedule_id = $1 AND ss.id = $2 AND ($12::int IS NULL OR ss.version = $12::int)
            RETURNING
            """ + SESSION_COLUMNS;

    static final String DELETE = "DELETE FROM slot_session WHERE schedule_id = $1 AND id = $2";

    static final String MANAGED = "UPDATE schedule SET sessions_managed = true WHERE id = $1";

    static final String WINDOW = """
            UPDATE schedule SET first_day_offset = $3, last_day_offset = $4, version = version + 1, last_updated = now()
             WHERE practice_ods = $1 AND id = $2
            """;

    public Uni<List<ScheduleView>> schedules(SqlClient db, String ods) {
        return db.preparedQuery(SCHEDULES).execute(Tuple.of(ods))
                .chain(rows -> sessions(db, ods, null).map(sessions -> {
                    List<ScheduleView> schedules = new ArrayList<>();
                    for (Row row : rows) {
                        String id = row.getString("id");
                        schedules.add(schedule(row, sessions.stream().filter(s -> s.scheduleId().equals(id)).toList()));
                    }
                    return schedules;
                }));
    }

    /** The schedule with its sessions, or null when the practice has no such schedule. */
    public Uni<ScheduleView> schedule(SqlClient db, String ods, String scheduleId) {
        return db.preparedQuery(SCHEDULE).execute(Tuple.of(ods, scheduleId))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    return sessions(db, ods, scheduleId).map(sessions -> schedule(row, sessions));
                });
    }

    /** True when the practice has the schedule; locks it until the transaction ends. */
    public Uni<Boolean> lockSchedule(SqlClient db, String ods, String scheduleId) {
        return db.preparedQuery(LOCK_SCHEDULE).execute(Tuple.of(ods, scheduleId)).map(rows -> rows.rowCount() == 1);
    }

    /** The practice's sessions, of one schedule or (null) all. */
    public Uni<List<SessionView>> sessions(SqlClient db, String ods, String scheduleId) {
        return db.preparedQuery(SESSIONS).execute(Tuple.of(ods, scheduleId))
                .map(rows -> {
                    List<SessionView> sessions = new ArrayList<>();
                    rows.forEach(row -> sessions.add(session(row)));
                    return sessions;
                });
    }

    /** The session, or null. */
    public Uni<SessionView> session(SqlClient db, String ods, String scheduleId, long sessionId) {
        return db.preparedQuery(SESSION).execute(Tuple.of(ods, scheduleId, sessionId))
                .map(rows -> rows.rowCount() == 0 ? null : session(rows.iterator().next()));
    }

    /** The id of another session of the schedule that would overlap this one, or null. */
    public Uni<Long> overlapping(SqlClient db, String scheduleId, long exceptSessionId, SessionTemplate template) {
        return db.preparedQuery(OVERLAPPING).execute(Tuple.of(scheduleId, exceptSessionId, template.startTime(), template.endTime(),
                        days(template)))
                .map(rows -> rows.rowCount() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    public Uni<SessionView> insert(SqlClient db, String scheduleId, SessionTemplate template) {
        Tuple parameters = Tuple.tuple()
                .addValue(scheduleId).addValue(days(template)).addValue(template.startTime()).addValue(template.endTime())
                .addValue(template.slotMinutes()).addValue(template.gpConnectBookable()).addValue(template.deliveryChannel())
                .addValue(template.serviceType().strip()).addValue(nullable(template.restrictedToOrganisationOds()))
                .addValue(nullable(template.restrictedToOrganisationType()));
        return db.preparedQuery(INSERT).execute(parameters).map(rows -> session(rows.iterator().next()));
    }

    /** The updated session, or null when there is no such session (or, with {@code ifVersion}, not at that version). */
    public Uni<SessionView> update(SqlClient db, String scheduleId, long sessionId, SessionTemplate template, Integer ifVersion) {
        Tuple parameters = Tuple.tuple()
                .addValue(scheduleId).addValue(sessionId).addValue(days(template)).addValue(template.startTime())
                .addValue(template.endTime()).addValue(template.slotMinutes()).addValue(template.gpConnectBookable())
                .addValue(template.deliveryChannel()).addValue(template.serviceType().strip())
                .addValue(nullable(template.restrictedToOrganisationOds())).addValue(nullable(template.restrictedToOrganisationType()))
                .addValue(ifVersion);
        return db.preparedQuery(UPDATE).execute(parameters)
                .map(rows -> rows.rowCount() == 0 ? null : session(rows.iterator().next()));
    }

    /** Removes the session; its slots stay (their session becomes null). True when there was one. */
    public Uni<Boolean> delete(SqlClient db, String scheduleId, long sessionId) {
        return db.preparedQuery(DELETE).execute(Tuple.of(scheduleId, sessionId)).map(rows -> rows.rowCount() == 1);
    }

    /** From now on the seed data leaves this schedule's sessions alone. */
    public Uni<Void> markManaged(SqlClient db, String scheduleId) {
        return db.preparedQuery(MANAGED).execute(Tuple.of(scheduleId)).replaceWithVoid();
    }

    public Uni<Boolean> window(SqlClient db, String ods, String scheduleId, int firstDayOffset, int lastDayOffset) {
        return db.preparedQuery(WINDOW).execute(Tuple.of(ods, scheduleId, firstDayOffset, lastDayOffset))
                .map(rows -> rows.rowCount() == 1);
    }

    private static ScheduleView schedule(Row row, List<SessionView> sessions) {
        return new ScheduleView(row.getString("id"), row.getString("identifier"), row.getString("service_category_display"),
                row.getString("practitioner_id"), row.getString("location_id"), row.getInteger("first_day_offset"),
                row.getInteger("last_day_offset"), sessions);
    }

    private static SessionView session(Row row) {
        Short[] days = row.getArrayOfShorts("days_of_week");
        List<String> dayNames = Arrays.stream(days).sorted().map(d -> DayOfWeek.of(d).name()).toList();
        return new SessionView(row.getLong("id"), row.getString("schedule_id"), dayNames,
                row.getLocalTime("start_time").format(HH_MM), row.getLocalTime("end_time").format(HH_MM), row.getInteger("slot_minutes"),
                row.getBoolean("gp_connect_bookable"), row.getString("delivery_channel"), row.getString("service_type"),
                row.getString("restricted_org_ods"), row.getString("restricted_org_type"), row.getInteger("version"));
    }

    private static Short[] days(SessionTemplate template) {
        return template.days().stream().map(d -> (short) d.getValue()).sorted().toArray(Short[]::new);
    }

    private static String nullable(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A session's length in whole minutes. */
    public static long minutes(LocalTime start, LocalTime end) {
        return java.time.Duration.between(start, end).toMinutes();
    }
}
