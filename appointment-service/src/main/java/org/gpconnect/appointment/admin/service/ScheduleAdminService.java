package org.gpconnect.appointment.admin.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.gpconnect.appointment.admin.AdminError;
import org.gpconnect.appointment.admin.AdminProblem;
import org.gpconnect.appointment.admin.RollView;
import org.gpconnect.appointment.admin.RollingWindow;
import org.gpconnect.appointment.admin.ScheduleView;
import org.gpconnect.appointment.admin.SessionTemplate;
import org.gpconnect.appointment.admin.SessionView;
import org.gpconnect.appointment.admin.repository.PracticeSwitches;
import org.gpconnect.appointment.admin.repository.SessionTemplates;
import org.gpconnect.appointment.config.AppointmentServiceConfig;
import org.gpconnect.appointment.slot.service.SlotRoller;

/**
 * The practice's slot templates: its schedules' rolling windows and slot sessions. A change is stored at once and
 * takes effect at the next slot roll ({@link SlotRoller}: hourly, or now with {@link #roll}), which withdraws the
 * free future slots the old template made and makes the new ones; booked slots are never touched. Sessions of one
 * schedule may not overlap on a shared day (409), and one schedule's session changes are serialised (its row is
 * locked), so that rule holds under concurrent edits.
 */
@ApplicationScoped
public class ScheduleAdminService {

    private final Pool pool;
    private final SessionTemplates templates;
    private final PracticeSwitches practices;
    private final SlotRoller roller;
    private final AppointmentServiceConfig config;

    public ScheduleAdminService(Pool pool, SessionTemplates templates, PracticeSwitches practices, SlotRoller roller,
                                AppointmentServiceConfig config) {
        this.pool = pool;
        this.templates = templates;
        this.practices = practices;
        this.roller = roller;
        this.config = config;
    }

    public Uni<List<ScheduleView>> schedules(String ods) {
        return practice(pool, ods).chain(() -> templates.schedules(pool, ods));
    }

    public Uni<ScheduleView> schedule(String ods, String scheduleId) {
        return practice(pool, ods).chain(() -> templates.schedule(pool, ods, scheduleId))
                .onItem().ifNull().failWith(() -> noSchedule(ods, scheduleId));
    }

    public Uni<List<SessionView>> sessions(String ods, String scheduleId) {
        return schedule(ods, scheduleId).map(ScheduleView::sessions);
    }

    public Uni<SessionView> session(String ods, String scheduleId, long sessionId) {
        return schedule(ods, scheduleId).chain(() -> templates.session(pool, ods, scheduleId, sessionId))
                .onItem().ifNull().failWith(() -> noSession(scheduleId, sessionId));
    }

    public Uni<SessionView> create(String ods, String scheduleId, SessionTemplate template) {
        checkShape(template);
        return pool.withTransaction(db -> lockedSchedule(db, ods, scheduleId)
                .chain(() -> noOverlap(db, scheduleId, -1, template))
                .chain(() -> templates.insert(db, scheduleId, template))
                .call(() -> templates.markManaged(db, scheduleId)));
    }

    /** @param ifVersion the version the caller read (If-Match), or null to replace whatever is there */
    public Uni<SessionView> update(String ods, String scheduleId, long sessionId, SessionTemplate template, Integer ifVersion) {
        checkShape(template);
        return pool.withTransaction(db -> lockedSchedule(db, ods, scheduleId)
                .chain(() -> templates.session(db, ods, scheduleId, sessionId))
                .onItem().ifNull().failWith(() -> noSession(scheduleId, sessionId))
                .chain(() -> noOverlap(db, scheduleId, sessionId, template))
                .chain(() -> templates.update(db, scheduleId, sessionId, template, ifVersion))
                .onItem().ifNull().failWith(() -> new AdminProblem(412, "Session " + sessionId
                        + " is no longer at version " + ifVersion + ": read it again"))
                .call(() -> templates.markManaged(db, scheduleId)));
    }

    /** Removes the session. Its booked slots stay; its free future slots go at the next roll. */
    public Uni<Void> delete(String ods, String scheduleId, long sessionId) {
        return pool.withTransaction(db -> lockedSchedule(db, ods, scheduleId)
                .chain(() -> templates.delete(db, scheduleId, sessionId))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw noSession(scheduleId, sessionId);
                    }
                })
                .call(() -> templates.markManaged(db, scheduleId))
                .replaceWithVoid());
    }

    public Uni<ScheduleView> window(String ods, String scheduleId, RollingWindow window) {
        int max = config.slots().maxWindowDays();
        if (window.lastDayOffset() > max) {
            throw new AdminProblem(400, "The request is not valid", List.of(new AdminError.Violation("lastDayOffset",
                    "must be at most " + max + " (gpconnect.appointments.slots.max-window-days)")));
        }
        if (window.lastDayOffset() < window.firstDayOffset() - 1) {
            throw new AdminProblem(400, "The request is not valid", List.of(new AdminError.Violation("lastDayOffset",
                    "must be at least firstDayOffset (or firstDayOffset - 1 to close the window)")));
        }
        return pool.withTransaction(db -> lockedSchedule(db, ods, scheduleId)
                        .chain(() -> templates.window(db, ods, scheduleId, window.firstDayOffset(), window.lastDayOffset())))
                .chain(() -> schedule(ods, scheduleId));
    }

    /** Rolls the practice's slots now instead of at the next scheduled roll. */
    public Uni<RollView> roll(String ods) {
        return practice(pool, ods).chain(() -> roller.roll(ods))
                .map(result -> new RollView(result.created(), result.withdrawn(), result.blocked()));
    }

    /** Cross-field rules Bean Validation does not express: the session ends after it starts, in whole slots. */
    static void checkShape(SessionTemplate template) {
        long minutes = SessionTemplates.minutes(template.startTime(), template.endTime());
        if (!template.endTime().isAfter(template.startTime())) {
            throw new AdminProblem(400, "The request is not valid",
                    List.of(new AdminError.Violation("endTime", "must be after startTime (sessions do not cross midnight)")));
        }
        if (minutes % template.slotMinutes() != 0) {
            throw new AdminProblem(400, "The request is not valid", List.of(new AdminError.Violation("slotMinutes",
                    "must divide the session (" + minutes + " minutes) into whole slots")));
        }
    }

    private Uni<Void> practice(SqlClient db, String ods) {
        return practices.exists(db, ods).invoke(exists -> {
            if (!exists) {
                throw AdminProblem.notFound("This service does not serve a practice with ODS code " + ods);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> lockedSchedule(SqlClient db, String ods, String scheduleId) {
        return practice(db, ods).chain(() -> templates.lockSchedule(db, ods, scheduleId)).invoke(found -> {
            if (!found) {
                throw noSchedule(ods, scheduleId);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> noOverlap(SqlClient db, String scheduleId, long sessionId, SessionTemplate template) {
        return templates.overlapping(db, scheduleId, sessionId, template).invoke(other -> {
            if (other != null) {
                throw AdminProblem.conflict("The session overlaps session " + other + " of schedule " + scheduleId
                        + " on a day both run");
            }
        }).replaceWithVoid();
    }

    private static AdminProblem noSchedule(String ods, String scheduleId) {
        return AdminProblem.notFound("Practice " + ods + " has no schedule " + scheduleId);
    }

    private static AdminProblem noSession(String scheduleId, long sessionId) {
        return AdminProblem.notFound("Schedule " + scheduleId + " has no session " + sessionId);
    }
}
