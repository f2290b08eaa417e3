package org.gpconnect.appointment.admin.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gpconnect.appointment.admin.SwitchChangeView;
import org.gpconnect.appointment.admin.SwitchesView;

/**
 * A practice's enablement switches (table {@code practice}) and their audit ({@code practice_switch_change}), as SQL
 * on the caller's connection: the service reads the switches locked, changes them and records each change in one
 * transaction, so no change goes unrecorded and two operators' changes are recorded in the order they happened.
 */
@ApplicationScoped
public class PracticeSwitches {

    /** The switch names as recorded. */
    public static final String GP_CONNECT = "gp-connect";
    public static final String APPOINTMENT_MANAGEMENT = "appointment-management";

    static final String EXISTS = "SELECT 1 FROM practice WHERE ods_code = $1";
    static final String READ = "SELECT gp_connect_enabled, appointments_enabled FROM practice WHERE ods_code = $1";
    static final String READ_LOCKED = READ + " FOR UPDATE";
    static final String WRITE = "UPDATE practice SET gp_connect_enabled = $2, appointments_enabled = $3 WHERE ods_code = $1";
    static final String RECORD = """
            INSERT INTO practice_switch_change (practice_ods, switch_name, old_value, new_value, changed_at, changed_by)
            VALUES ($1, $2, $3, $4, $5, $6)
            """;
    static final String HISTORY = """
            SELECT id, switch_name, old_value, new_value, changed_at, changed_by FROM practice_switch_change
             WHERE practice_ods = $1 ORDER BY id DESC LIMIT $2
            """;

    public Uni<Boolean> exists(SqlClient db, String ods) {
        return db.preparedQuery(EXISTS).execute(Tuple.of(ods)).map(rows -> rows.rowCount() == 1);
    }

    /** The switches, or null for a practice this deployment does not serve; {@code lock} holds the row to the end of the transaction. */
    public Uni<SwitchesView> read(SqlClient db, String ods, boolean lock) {
        return db.preparedQuery(lock ? READ_LOCKED : READ).execute(Tuple.of(ods))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new SwitchesView(ods, row.getBoolean("gp_connect_enabled"), row.getBoolean("appointments_enabled"));
                });
    }

    public Uni<Void> write(SqlClient db, SwitchesView switches) {
        return db.preparedQuery(WRITE).execute(Tuple.of(switches.practice(), switches.gpConnect(), switches.appointmentManagement()))
                .replaceWithVoid();
    }

    public Uni<Void> record(SqlClient db, String ods, String switchName, boolean oldValue, boolean newValue, Instant at, String by) {
        return db.preparedQuery(RECORD).execute(Tuple.tuple().addValue(ods).addValue(switchName).addValue(oldValue)
                        .addValue(newValue).addValue(at.atOffset(ZoneOffset.UTC)).addValue(by))
                .replaceWithVoid();
    }

    /** The latest changes first. */
    public Uni<List<SwitchChangeView>> history(SqlClient db, String ods, int limit) {
        return db.preparedQuery(HISTORY).execute(Tuple.of(ods, limit))
                .map(rows -> {
                    List<SwitchChangeView> changes = new ArrayList<>();
                    rows.forEach(row -> changes.add(new SwitchChangeView(row.getLong("id"), row.getString("switch_name"),
                            row.getBoolean("old_value"), row.getBoolean("new_value"),
                            row.getOffsetDateTime("changed_at").toInstant(), row.getString("changed_by"))));
                    return changes;
                });
    }
}
