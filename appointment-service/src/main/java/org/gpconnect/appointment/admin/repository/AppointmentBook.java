package org.gpconnect.appointment.admin.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gpconnect.appointment.admin.BookedAppointmentView;

/** A practice's appointment book, read for the practice's staff: every origin, every patient, with who booked. */
@ApplicationScoped
public class AppointmentBook {

    static final String IN_RANGE = """
            SELECT a.id, a.version, a.status, a.origin, a.start_at, a.end_at, a.schedule_id, a.location_id, a.practitioner_id,
                   a.delivery_channel, a.service_type, a.service_category, a.description, a.comment, a.slot_ids,
                   a.booking_org_ods, a.booking_org_name, a.booking_org_telecom, a.booking_org_type, a.cancellation_reason,
                   a.created, a.last_updated, p.id AS patient_id, p.nhs_number, p.family_name, p.given_names
              FROM appointment a JOIN patient p ON p.id = a.patient_id
             WHERE a.practice_ods = $1 AND a.start_at >= $2 AND a.start_at < $3 AND ($4::text IS NULL OR a.status = $4::text)
             ORDER BY a.start_at, a.id
             LIMIT $5
            """;

    /** Appointments starting in [from, to), of {@code status} (null: any), by start time. */
    public Uni<List<BookedAppointmentView>> inRange(SqlClient db, String ods, Instant from, Instant to, String status, int limit) {
        return db.preparedQuery(IN_RANGE).execute(Tuple.tuple().addValue(ods).addValue(from.atOffset(ZoneOffset.UTC))
                        .addValue(to.atOffset(ZoneOffset.UTC)).addValue(status).addValue(limit))
                .map(rows -> {
                    List<BookedAppointmentView> appointments = new ArrayList<>();
                    rows.forEach(row -> appointments.add(view(row)));
                    return appointments;
                });
    }

    private static BookedAppointmentView view(Row row) {
        Long[] slots = row.getArrayOfLongs("slot_ids");
        String[] given = row.getArrayOfStrings("given_names");
        BookedAppointmentView.BookingOrganisation organisation = row.getString("booking_org_ods") == null
                && row.getString("booking_org_name") == null ? null
                : new BookedAppointmentView.BookingOrganisation(row.getString("booking_org_ods"), row.getString("booking_org_name"),
                        row.getString("booking_org_telecom"), row.getString("booking_org_type"));
        return new BookedAppointmentView(row.getLong("id"), row.getInteger("version"), row.getString("status"),
                row.getString("origin"), instant(row.getOffsetDateTime("start_at")), instant(row.getOffsetDateTime("end_at")),
                new BookedAppointmentView.Patient(row.getString("patient_id"), row.getString("nhs_number"),
                        row.getString("family_name"), given == null ? List.of() : Arrays.asList(given)),
                row.getString("schedule_id"), row.getString("location_id"), row.getString("practitioner_id"),
                row.getString("delivery_channel"), row.getString("service_type"), row.getString("service_category"),
                row.getString("description"), row.getString("comment"), slots == null ? List.of() : Arrays.asList(slots),
                organisation, row.getString("cancellation_reason"), instant(row.getOffsetDateTime("created")),
                instant(row.getOffsetDateTime("last_updated")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
