package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.APPOINTMENTS;
import static org.gpconnect.appointment.booking.BookingApi.booked;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.cancellation;
import static org.gpconnect.appointment.booking.BookingApi.json;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.Appointment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency of amend and cancel (foundations.md §4 "Versioning", appointment-management.md §6, §7):
 * two changes made on the same version race; the database lets exactly one through (UPDATE ... WHERE version = ?)
 * and the other is 409 FHIR_CONSTRAINT_VIOLATION with nothing written. Versions only ever go up by one per change,
 * with one provenance row and one event per version.
 */
@QuarkusTest
class ConcurrentChangeTest {

    private static final int ROUNDS = 8;

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    @Test
    void anAmendAndACancelWithTheSameIfMatchOneWinsTheOtherIs409() {
        int cancelsWon = 0;
        try (ConcurrentRequests concurrent = new ConcurrentRequests()) {
            for (int round = 0; round < ROUNDS; round++) {
                TestSlot slot = BookingFixtures.free(pool);
                Appointment appointment = booked(booking(slot));
                String id = appointment.getIdElement().getIdPart();
                Appointment amendment = appointment.copy();
                amendment.setDescription("amended in round " + round);
                String path = APPOINTMENTS + "/" + id;
                var amend = ConcurrentRequests.request(Interaction.APPOINTMENT_AMEND, "PUT", path, json(amendment), "W/\"1\"");
                var cancel = ConcurrentRequests.request(Interaction.APPOINTMENT_CANCEL, "PUT", path,
                        json(cancellation(appointment, "race " + round)), "W/\"1\"");

                List<HttpResponse<String>> answers = concurrent.sendAll(round % 2 == 0 ? List.of(amend, cancel) : List.of(cancel, amend));

                assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
                HttpResponse<String> loser = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
                assertThat(loser.body()).contains("FHIR_CONSTRAINT_VIOLATION");
                HttpResponse<String> winner = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
                assertThat(winner.headers().firstValue("ETag")).contains("W/\"2\"");
                boolean cancelled = BookingApi.appointment(winner.body()).getStatus() == Appointment.AppointmentStatus.CANCELLED;
                cancelsWon += cancelled ? 1 : 0;

                long appointmentId = Long.parseLong(id);
                assertThat(BookingFixtures.text(pool, "SELECT status || ':' || version || ':' || description FROM appointment WHERE id = $1",
                        appointmentId)).isEqualTo(cancelled ? "cancelled:2:Review of test results" : "booked:2:amended in round " + round);
                assertThat(BookingFixtures.text(pool, "SELECT status FROM slot WHERE id = $1", slot.id())).isEqualTo(cancelled ? "free" : "busy");
                assertThat(BookingFixtures.text(pool, "SELECT string_agg(version::text, ',' ORDER BY version) FROM appointment_provenance"
                        + " WHERE appointment_id = $1", appointmentId)).isEqualTo("1,2");
                assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM outbox_event WHERE event_key = $1", id)).isEqualTo(2);
            }
        }
        assertThat(cancelsWon).as("who wins is up to the race, not fixed").isBetween(0, ROUNDS);
    }

    @Test
    void twoAmendmentsWithTheSameIfMatchOneWins() {
        try (ConcurrentRequests concurrent = new ConcurrentRequests()) {
            for (int round = 0; round < ROUNDS; round++) {
                Appointment appointment = booked(booking(BookingFixtures.free(pool)));
                String path = APPOINTMENTS + "/" + appointment.getIdElement().getIdPart();
                Appointment a = appointment.copy();
                a.setDescription("first " + round);
                Appointment b = appointment.copy();
                b.setComment("second " + round);
                List<HttpResponse<String>> answers = concurrent.sendAll(List.of(
                        ConcurrentRequests.request(Interaction.APPOINTMENT_AMEND, "PUT", path, json(a), "W/\"1\""),
                        ConcurrentRequests.request(Interaction.APPOINTMENT_AMEND, "PUT", path, json(b), "W/\"1\"")));
                assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
            }
        }
    }

    @Test
    void withoutIfMatchConcurrentAmendmentsAreNeverLostSilently() {
        // without If-Match a change still applies only to the version it was checked against: each one either
        // lands as its own new version or is refused, and the versions, provenance and events agree
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        String id = appointment.getIdElement().getIdPart();
        List<java.net.http.HttpRequest> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Appointment change = appointment.copy();
            change.setComment("comment " + i);
            requests.add(ConcurrentRequests.request(Interaction.APPOINTMENT_AMEND, "PUT", APPOINTMENTS + "/" + id, json(change), null));
        }
        List<HttpResponse<String>> answers;
        try (ConcurrentRequests concurrent = new ConcurrentRequests()) {
            answers = concurrent.sendAll(requests);
        }
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 409).contains(200);
        long succeeded = answers.stream().filter(a -> a.statusCode() == 200).count();
        List<Integer> versions = answers.stream().filter(a -> a.statusCode() == 200)
                .map(a -> Integer.parseInt(a.headers().firstValue("ETag").orElseThrow().replaceAll("\\D", ""))).sorted().toList();
        assertThat(versions).doesNotHaveDuplicates().allMatch(v -> v >= 2 && v <= 1 + succeeded);
        long appointmentId = Long.parseLong(id);
        assertThat(BookingFixtures.number(pool, "SELECT version FROM appointment WHERE id = $1", appointmentId)).isEqualTo(1 + succeeded);
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment_provenance WHERE appointment_id = $1", appointmentId))
                .isEqualTo(1 + succeeded);
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM outbox_event WHERE event_key = $1", id)).isEqualTo(1 + succeeded);
    }
}
