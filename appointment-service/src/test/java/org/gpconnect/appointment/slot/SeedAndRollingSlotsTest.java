package org.gpconnect.appointment.slot;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.junit.jupiter.api.Test;

/**
 * The standard dataset is this service's seed data (testdata/README.md) and its slots roll forward
 * (testdata/schedules_and_slots.yaml "Rolling slot generation").
 */
@QuarkusTest
class SeedAndRollingSlotsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @Test
    void practiceB82617IsSeededWithTheStandardDataset() {
        // seeded patients have the dataset's numeric ids; registrations made by other tests have UUIDs
        assertThat(count("SELECT count(*) FROM patient WHERE practice_ods = 'B82617' AND id ~ '^[0-9]+$'")).isEqualTo(21);
        assertThat(count("SELECT count(*) FROM organization WHERE ods_code = 'B82617'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM organization WHERE ods_code IN ('X12345', 'INVOC1')")).isZero();
        assertThat(count("SELECT count(*) FROM practitioner WHERE sds_user_id = 'G99999999'")).isZero();
        assertThat(count("SELECT count(*) FROM location WHERE id IN ('1', '8', '3')")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM practitioner_role_profile WHERE practitioner_id = '3'")).isEqualTo(2);
    }

    @Test
    void everyRollingScheduleHasFreeSlotsFromTomorrowToTheEndOfItsWindow() {
        LocalDate today = LocalDate.now(LONDON);
        // schedule 1 rolls today+1..today+9, schedules 2 and 12 today+1..today+6
        assertThat(bookableDays("1")).containsExactlyElementsOf(today.plusDays(1).datesUntil(today.plusDays(10)).toList());
        assertThat(bookableDays("2")).containsExactlyElementsOf(today.plusDays(1).datesUntil(today.plusDays(7)).toList());
        assertThat(bookableDays("12")).containsExactlyElementsOf(today.plusDays(1).datesUntil(today.plusDays(7)).toList());
        assertThat(count("SELECT count(*) FROM slot WHERE start_at < now()")).isZero();
        // 44 bookable ten-minute slots a day on schedule 1: 09:40-17:00
        assertThat(count("SELECT count(*) FROM slot WHERE schedule_id = '1' AND gp_connect_bookable"
                + " AND (start_at AT TIME ZONE 'Europe/London')::date = (now() AT TIME ZONE 'Europe/London')::date + 1"))
                .isEqualTo(44);
    }

    @Test
    void slotsAreTenMinutesInPracticeLocalTime() {
        Row first = pool.query("SELECT to_char(start_at AT TIME ZONE 'Europe/London', 'HH24:MI') AS s,"
                        + " extract(epoch FROM end_at - start_at)::int AS secs FROM slot WHERE schedule_id = '1'"
                        + " ORDER BY start_at LIMIT 1")
                .execute().await().atMost(WAIT).iterator().next();
        assertThat(first.getString("s")).isEqualTo("09:00");
        assertThat(first.getInteger("secs")).isEqualTo(600);
    }

    @Test
    void rollingAgainChangesNothingAndNeverUndoesABooking() {
        // a free one: the earliest slot of schedule 1 holds a seed appointment (PracticeSeedAppointments)
        Long slotId = pool.query("SELECT id FROM slot WHERE schedule_id = '1' AND status = 'free' ORDER BY start_at LIMIT 1")
                .execute().await().atMost(WAIT).iterator().next().getLong("id");
        pool.query("UPDATE slot SET status = 'busy', version = version + 1 WHERE id = " + slotId).execute().await().atMost(WAIT);
        try {
            int before = count("SELECT count(*) FROM slot");
            assertThat(roller.roll().await().atMost(WAIT)).isZero();
            assertThat(count("SELECT count(*) FROM slot")).isEqualTo(before);
            assertThat(pool.query("SELECT status FROM slot WHERE id = " + slotId).execute().await().atMost(WAIT)
                    .iterator().next().getString("status")).isEqualTo("busy");
        } finally {
            pool.query("UPDATE slot SET status = 'free', version = version + 1 WHERE id = " + slotId).execute().await().atMost(WAIT);
        }
    }

    private java.util.List<LocalDate> bookableDays(String schedule) {
        var days = new java.util.ArrayList<LocalDate>();
        pool.query("SELECT DISTINCT (start_at AT TIME ZONE 'Europe/London')::date AS d FROM slot WHERE schedule_id = '"
                        + schedule + "' AND gp_connect_bookable AND status = 'free' ORDER BY d")
                .execute().await().atMost(WAIT).forEach(r -> days.add(r.getLocalDate("d")));
        return days;
    }

    private int count(String sql) {
        return pool.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0).intValue();
    }
}
