package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.APPOINTMENTS;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.json;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No slot is ever booked twice, however many consumers try at once (appointment-management.md §4.2 "lock slots,
 * create appointment, mark slots busy atomically", §4.4 "any referenced slot no longer free: 409
 * DUPLICATE_REJECTED"): the database decides, through the conditional update and the one-holder index, and a
 * lost race writes nothing, no appointment and no event.
 */
@QuarkusTest
class ConcurrentBookingTest {

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    @Test
    void twoHundredConcurrentBookingsOfOneSlotGiveExactlyOneAppointmentAndOneEvent() {
        TestSlot slot = BookingFixtures.free(pool);
        long slotVersion = BookingFixtures.number(pool, "SELECT version FROM slot WHERE id = $1", slot.id());
        long appointmentsBefore = BookingFixtures.number(pool, "SELECT count(*) FROM appointment");
        String[] patients = {"1", "3", "4", "5", "6", "7", "8"};
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = json(booking(patients[i % patients.length], List.of(slot), "16", "1"));
            requests.add(ConcurrentRequests.request(Interaction.APPOINTMENT_CREATE, "POST", APPOINTMENTS, body, null));
        }

        List<HttpResponse<String>> answers;
        try (ConcurrentRequests concurrent = new ConcurrentRequests()) {
            answers = concurrent.sendAll(requests);
        }

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses).containsOnly(Map.entry(201, 1L), Map.entry(409, 199L));
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).allMatch(a -> a.body().contains("DUPLICATE_REJECTED"));
        String winner = BookingApi.appointment(answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow().body())
                .getIdElement().getIdPart();

        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment")).isEqualTo(appointmentsBefore + 1);
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment WHERE $1 = ANY(slot_ids) AND status = 'booked'", slot.id()))
                .isEqualTo(1);
        assertThat(BookingFixtures.text(pool, "SELECT string_agg(appointment_id::text, ',') FROM appointment_slot"
                + " WHERE slot_id = $1 AND released_at IS NULL", slot.id())).isEqualTo(winner);
        assertThat(BookingFixtures.text(pool, "SELECT status || ':' || version FROM slot WHERE id = $1", slot.id()))
                .isEqualTo("busy:" + (slotVersion + 1));
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM outbox_event WHERE topic = 'gpconnect.appointments.v1'"
                + " AND (payload::jsonb -> 'slotIds') ? $1 AND created_at > now() - interval '5 minutes'"
                + " AND payload::jsonb ->> 'kind' = 'BOOKED' AND event_key NOT IN (SELECT id::text FROM appointment WHERE status = 'cancelled')",
                Long.toString(slot.id()))).isEqualTo(1);
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM outbox_event WHERE event_key = $1", winner)).isEqualTo(1);
    }

    @Test
    void concurrentBookingsOfOverlappingSlotPairsNeverShareASlot() {
        // A+B against B+C, 100 times at once: the pairs overlap in B, so exactly one booking can succeed, and the
        // slot locks taken in id order mean the two kinds cannot deadlock each other
        List<TestSlot> run = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 3);
        String first = json(booking(run.subList(0, 2)));
        String second = json(booking(run.subList(1, 3)));
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            requests.add(ConcurrentRequests.request(Interaction.APPOINTMENT_CREATE, "POST", APPOINTMENTS, i % 2 == 0 ? first : second, null));
        }

        List<HttpResponse<String>> answers;
        try (ConcurrentRequests concurrent = new ConcurrentRequests()) {
            answers = concurrent.sendAll(requests);
        }

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses).containsOnly(Map.entry(201, 1L), Map.entry(409, 99L));
        Long[] ids = run.stream().map(TestSlot::id).toArray(Long[]::new);
        // held now (a slot may have been held and released by an earlier, cancelled appointment)
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment_slot WHERE slot_id = ANY($1) AND released_at IS NULL",
                (Object) ids)).isEqualTo(2);
        assertThat(BookingFixtures.number(pool, "SELECT count(DISTINCT appointment_id) FROM appointment_slot WHERE slot_id = ANY($1)"
                + " AND released_at IS NULL", (Object) ids)).isEqualTo(1);
        Map<String, String> states = run.stream().collect(Collectors.toMap(s -> Long.toString(s.id()),
                s -> BookingFixtures.text(pool, "SELECT status FROM slot WHERE id = $1", s.id())));
        assertThat(states.values().stream().filter("busy"::equals).count()).isEqualTo(2);
        assertThat(states.get(Long.toString(run.get(1).id()))).isEqualTo("busy");
    }

    @Test
    void theDatabaseRefusesASecondHolderEvenIfTheCodeDidNot() {
        // the belt and braces: with the slot forced back to free behind the service's back, the one-holder index
        // still refuses the second booking, which is then answered like any lost race and writes nothing
        TestSlot slot = BookingFixtures.free(pool);
        BookingApi.booked(booking(slot));
        BookingFixtures.sql(pool, "UPDATE slot SET status = 'free' WHERE id = $1", slot.id());
        try {
            long appointments = BookingFixtures.number(pool, "SELECT count(*) FROM appointment");
            long events = BookingFixtures.number(pool, "SELECT count(*) FROM outbox_event");
            org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome(BookingApi.book(booking("3", List.of(slot), "16", "1")),
                    409, "DUPLICATE_REJECTED");
            assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment")).isEqualTo(appointments);
            assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM outbox_event")).isEqualTo(events);
            assertThat(BookingFixtures.text(pool, "SELECT status FROM slot WHERE id = $1", slot.id())).isEqualTo("free");
        } finally {
            BookingFixtures.sql(pool, "UPDATE slot SET status = 'busy' WHERE id = $1", slot.id());
        }
    }
}
