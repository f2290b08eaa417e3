package org.gpconnect.appointment.admin.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gpconnect.appointment.admin.AdminError;
import org.gpconnect.appointment.admin.AdminProblem;
import org.gpconnect.appointment.admin.BookedAppointmentView;
import org.gpconnect.appointment.admin.repository.AppointmentBook;

/**
 * The practice's appointments in a date range (practice local dates, both included), of every origin: what the
 * practice's staff see of bookings, with who booked them.
 */
@ApplicationScoped
public class BookedAppointmentsService {

    /** Longest range one request may ask for, in days. */
    public static final int MAX_DAYS = 92;
    /** Most appointments one answer holds. */
    public static final int MAX_APPOINTMENTS = 5000;

    private final Pool pool;
    private final AppointmentBook book;

    public BookedAppointmentsService(Pool pool, AppointmentBook book) {
        this.pool = pool;
        this.book = book;
    }

    /** @param status {@code booked}, {@code cancelled}, or null for both */
    public Uni<List<BookedAppointmentView>> inRange(String ods, LocalDate from, LocalDate to, String status) {
        if (to.isBefore(from)) {
            throw new AdminProblem(400, "The request is not valid", List.of(new AdminError.Violation("to", "must not be before from")));
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new AdminProblem(400, "The request is not valid",
                    List.of(new AdminError.Violation("to", "the range may span at most " + MAX_DAYS + " days")));
        }
        return pool.preparedQuery("SELECT time_zone FROM practice WHERE ods_code = $1").execute(Tuple.of(ods))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().failure(AdminProblem.notFound("This service does not serve a practice with ODS code " + ods));
                    }
                    ZoneId zone = ZoneId.of(rows.iterator().next().getString("time_zone"));
                    return book.inRange(pool, ods, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                            status, MAX_APPOINTMENTS);
                });
    }
}
