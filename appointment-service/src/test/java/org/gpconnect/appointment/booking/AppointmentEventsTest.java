package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.APPOINTMENTS;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.cancellation;
import static org.gpconnect.appointment.booking.BookingApi.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.gpconnect.appointment.booking.AppointmentTopic.Received;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.event.AppointmentEventV1;
import org.gpconnect.common.event.AppointmentEventV1.Kind;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Appointment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the appointment book announces on {@value AppointmentEventV1#TOPIC} (README, ADR 0004): one
 * AppointmentEventV1 per booking, amendment and cancellation, keyed by the appointment id, with the event type
 * header of its kind, and the payload describing the appointment after the change: its version, slots, times,
 * status, patient, practice, booking organisation and the request (trace id, interaction) that made it.
 */
@QuarkusTest
class AppointmentEventsTest {

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    @Test
    void bookAmendAndCancelEachPublishOneEventWithTheWholeStory() {
        List<TestSlot> slots = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 2);
        String bookToken = InternalTokens.forInteraction(Interaction.APPOINTMENT_CREATE);
        Appointment booked = BookingApi.appointment(RestAssured.given().auth().oauth2(bookToken).contentType(BookingApi.FHIR_JSON)
                .body(json(booking(slots))).when().post(APPOINTMENTS).then().statusCode(201).extract().asString());
        String id = booked.getIdElement().getIdPart();

        String amendToken = InternalTokens.forInteraction(Interaction.APPOINTMENT_AMEND);
        booked.setComment("Bring the letter");
        Appointment amended = BookingApi.appointment(RestAssured.given().auth().oauth2(amendToken).contentType(BookingApi.FHIR_JSON)
                .body(json(booked)).when().put(APPOINTMENTS + "/" + id).then().statusCode(200).extract().asString());

        String cancelToken = InternalTokens.forInteraction(Interaction.APPOINTMENT_CANCEL);
        RestAssured.given().auth().oauth2(cancelToken).contentType(BookingApi.FHIR_JSON)
                .body(json(cancellation(amended, "double booked"))).when().put(APPOINTMENTS + "/" + id).then().statusCode(200);

        List<Received> events = AppointmentTopic.read(r -> id.equals(r.key()), 3, Duration.ofSeconds(60), Duration.ofSeconds(1));

        assertThat(events).extracting(r -> r.event().kind()).containsExactly(Kind.BOOKED, Kind.AMENDED, Kind.CANCELLED);
        assertThat(events).extracting(Received::eventType).containsExactly("gpconnect.appointment.booked.v1",
                "gpconnect.appointment.amended.v1", "gpconnect.appointment.cancelled.v1");
        assertThat(events).extracting(r -> r.event().appointmentVersion()).containsExactly(1, 2, 3);
        assertThat(events).extracting(r -> r.event().status()).containsExactly("booked", "booked", "cancelled");
        assertThat(events).extracting(r -> r.event().traceId()).containsExactly(
                BookingApi.traceIdOf(bookToken), BookingApi.traceIdOf(amendToken), BookingApi.traceIdOf(cancelToken));
        assertThat(events).extracting(r -> r.event().interactionId()).containsExactly(
                Interaction.APPOINTMENT_CREATE.id(), Interaction.APPOINTMENT_AMEND.id(), Interaction.APPOINTMENT_CANCEL.id());
        assertThat(events).extracting(r -> r.event().eventId()).doesNotHaveDuplicates().doesNotContainNull();
        for (Received received : events) {
            AppointmentEventV1 event = received.event();
            assertThat(event.appointmentId()).isEqualTo(id);
            assertThat(event.practiceOds()).isEqualTo("B82617");
            assertThat(event.slotIds()).containsExactly(Long.toString(slots.get(0).id()), Long.toString(slots.get(1).id()));
            assertThat(event.start()).isEqualTo(slots.get(0).start());
            assertThat(event.end()).isEqualTo(slots.get(1).end());
            assertThat(event.patientNhsNumber()).isEqualTo(BookingApi.PATIENT_NHS_NUMBER);
            assertThat(event.bookingOrganization()).isEqualTo(
                    new AppointmentEventV1.BookingOrganization(BookingApi.BOOKING_ODS, "Test Urgent Care Service", "0113 496 0000"));
            assertThat(event.occurredAt()).isNotNull();
        }
        assertThat(events.get(0).event().occurredAt()).isBeforeOrEqualTo(events.get(2).event().occurredAt());
    }

    @Test
    void theSeedAppointmentsWereAnnouncedAsPracticeBookings() {
        String id = BookingFixtures.text(pool, "SELECT id::text FROM appointment WHERE patient_id = '2' AND origin = 'practice'"
                + " AND status = 'booked' ORDER BY start_at LIMIT 1");
        List<Received> events = AppointmentTopic.read(r -> id.equals(r.key()), 1, Duration.ofSeconds(60), Duration.ofMillis(500));
        assertThat(events).singleElement().satisfies(r -> {
            assertThat(r.event().kind()).isEqualTo(Kind.BOOKED);
            assertThat(r.event().patientNhsNumber()).isEqualTo("9690937286");
            assertThat(r.event().traceId()).isNull();
            assertThat(r.event().interactionId()).isNull();
            assertThat(r.event().bookingOrganization().odsCode()).isEqualTo("B82617");
        });
    }
}
