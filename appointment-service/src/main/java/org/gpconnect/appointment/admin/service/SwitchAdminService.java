package org.gpconnect.appointment.admin.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.gpconnect.appointment.admin.AdminProblem;
import org.gpconnect.appointment.admin.SwitchChangeView;
import org.gpconnect.appointment.admin.SwitchesUpdate;
import org.gpconnect.appointment.admin.SwitchesView;
import org.gpconnect.appointment.admin.repository.PracticeSwitches;
import org.jboss.logging.Logger;

/**
 * The practice switches (foundations.md §6: GP Connect as a whole and Appointment Management, default off), with
 * every toggle audited (security-and-audit.md §3.1, P14): the switch, old and new value, when and who, written in
 * the same transaction as the change, the row locked so concurrent toggles are recorded in order. Setting a switch
 * to the value it has changes and records nothing. The FHIR endpoints read the switches on every request, so a
 * change applies to the next consumer request.
 */
@ApplicationScoped
public class SwitchAdminService {

    private static final Logger LOG = Logger.getLogger(SwitchAdminService.class);

    private final Pool pool;
    private final PracticeSwitches switches;

    public SwitchAdminService(Pool pool, PracticeSwitches switches) {
        this.pool = pool;
        this.switches = switches;
    }

    public Uni<SwitchesView> read(String ods) {
        return switches.read(pool, ods, false).onItem().ifNull().failWith(() -> noPractice(ods));
    }

    public Uni<SwitchesView> change(String ods, SwitchesUpdate update, String operator) {
        if (update.gpConnect() == null && update.appointmentManagement() == null) {
            throw AdminProblem.badRequest("Name at least one switch: gpConnect, appointmentManagement");
        }
        Instant at = Instant.now();
        return pool.withTransaction(db -> switches.read(db, ods, true)
                .onItem().ifNull().failWith(() -> noPractice(ods))
                .chain(before -> {
                    SwitchesView after = new SwitchesView(ods,
                            update.gpConnect() != null ? update.gpConnect() : before.gpConnect(),
                            update.appointmentManagement() != null ? update.appointmentManagement() : before.appointmentManagement());
                    Uni<Void> chain = switches.write(db, after);
                    if (after.gpConnect() != before.gpConnect()) {
                        chain = chain.call(() -> switches.record(db, ods, PracticeSwitches.GP_CONNECT, before.gpConnect(),
                                after.gpConnect(), at, operator));
                    }
                    if (after.appointmentManagement() != before.appointmentManagement()) {
                        chain = chain.call(() -> switches.record(db, ods, PracticeSwitches.APPOINTMENT_MANAGEMENT,
                                before.appointmentManagement(), after.appointmentManagement(), at, operator));
                    }
                    return chain.replaceWith(after).invoke(() -> {
                        if (!after.equals(before)) {
                            LOG.infof("Practice %s switches changed by %s: GP Connect %s -> %s, Appointment Management %s -> %s", ods,
                                    operator, before.gpConnect(), after.gpConnect(), before.appointmentManagement(),
                                    after.appointmentManagement());
                        }
                    });
                }));
    }

    public Uni<List<SwitchChangeView>> history(String ods, int limit) {
        return switches.exists(pool, ods).chain(exists -> {
            if (!exists) {
                return Uni.createFrom().failure(noPractice(ods));
            }
            return switches.history(pool, ods, limit);
        });
    }

    private static AdminProblem noPractice(String ods) {
        return AdminProblem.notFound("This service does not serve a practice with ODS code " + ods);
    }
}
