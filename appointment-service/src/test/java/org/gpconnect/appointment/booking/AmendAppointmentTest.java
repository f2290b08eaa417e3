package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.amend;
import static org.gpconnect.appointment.booking.BookingApi.booked;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.etag;
import static org.gpconnect.appointment.booking.BookingApi.json;
import static org.gpconnect.appointment.booking.BookingApi.put;
import static org.gpconnect.appointment.booking.BookingApi.readOk;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Amend an appointment: appointment-management.md §6 (only description and comment may change, each new version
 * with its ETag; If-Match checked when present, accepted when absent (§6 DECISION), a mismatch or malformed ETag
 * 409 FHIR_CONSTRAINT_VIOLATION; any other change, a cancelled, past or visit appointment, too long texts and a
 * body that is not this appointment 422 INVALID_RESOURCE; an unknown id 404), testdata appointment_rules "amend",
 * foundations.md §4 (Prefer: return=minimal) and security-and-audit.md §3.3 (who amended). Every refusal is shown
 * to write nothing: same version, same texts, no event, no provenance.
 */
@QuarkusTest
class AmendAppointmentTest {

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    private Appointment newAppointment() {
        return booked(booking(BookingFixtures.free(pool)));
    }

    @Test
    void theDescriptionIsAmendedIntoANewVersion() {
        Appointment appointment = newAppointment();
        String id = appointment.getIdElement().getIdPart();
        String token = InternalTokens.forInteraction(Interaction.APPOINTMENT_AMEND);
        appointment.setDescription("customDescription");

        String body = io.restassured.RestAssured.given().auth().oauth2(token).contentType(BookingApi.FHIR_JSON)
                .header("If-Match", "W/\"1\"").body(json(appointment))
                .when().put(BookingApi.APPOINTMENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", "W/\"2\"")
                .header("X-GPC-Audit-NHS-Number", BookingApi.PATIENT_NHS_NUMBER)
                .body("meta.versionId", equalTo("2"))
                .body("description", equalTo("customDescription"))
                .extract().asString();

        Appointment amended = BookingApi.appointment(body);
        assertThat(readOk(id).equalsDeep(amended)).as("a read returns the amended version").isTrue();
        assertThat(BookingFixtures.text(pool, "SELECT activity || '|' || trace_id || '|' || interaction_id FROM appointment_provenance"
                + " WHERE appointment_id = $1 AND version = 2", Long.parseLong(id)))
                .isEqualTo("amended|" + BookingApi.traceIdOf(token) + "|" + Interaction.APPOINTMENT_AMEND.id());
        assertThat(BookingFixtures.text(pool, "SELECT string_agg(event_type, ',' ORDER BY id) FROM outbox_event WHERE event_key = $1", id))
                .isEqualTo("gpconnect.appointment.booked.v1,gpconnect.appointment.amended.v1");
    }

    @Test
    void theCommentIsAddedChangedAndRemovedEachTimeInANewVersion() {
        Appointment appointment = newAppointment();
        appointment.setComment("customComment");
        Appointment v2 = BookingApi.appointment(amend(appointment, etag(appointment)).statusCode(200).extract().asString());
        assertThat(v2.getComment()).isEqualTo("customComment");
        v2.setComment("c".repeat(500));
        Appointment v3 = BookingApi.appointment(amend(v2, etag(v2)).statusCode(200).header("ETag", "W/\"3\"").extract().asString());
        v3.setCommentElement(null);
        Appointment v4 = BookingApi.appointment(amend(v3, null).statusCode(200).header("ETag", "W/\"4\"").extract().asString());
        assertThat(v4.hasComment()).isFalse();
        assertThat(v4.getMeta().getVersionId()).isEqualTo("4");
    }

    @Test
    void withoutIfMatchTheAmendmentIsAccepted() {
        Appointment appointment = newAppointment();
        appointment.setDescription("no If-Match");
        amend(appointment, null).statusCode(200).header("ETag", "W/\"2\"");
    }

    @Test
    void preferReturnMinimalIs200WithAnEmptyBody() {
        Appointment appointment = newAppointment();
        BookingApi.as(Interaction.APPOINTMENT_AMEND).contentType(BookingApi.FHIR_JSON).header("Prefer", "return=minimal")
                .body(json(appointment)).when().put(BookingApi.APPOINTMENTS + "/" + appointment.getIdElement().getIdPart())
                .then().statusCode(200).body(emptyOrNullString()).header("ETag", "W/\"2\"");
    }

    @Test
    void anOutOfDateIfMatchIs409AndWritesNothing() {
        Appointment appointment = newAppointment();
        Appointment v2 = BookingApi.appointment(amend(appointment, etag(appointment)).statusCode(200).extract().asString());
        v2.setDescription("based on version 1");
        assertNothingWritten(v2, () -> amend(v2, "W/\"1\""), 409, "FHIR_CONSTRAINT_VIOLATION")
                .body("issue[0].code", equalTo("conflict"));
    }

    @Test
    void aMalformedIfMatchIs409() {
        Appointment appointment = newAppointment();
        appointment.setComment("customComment");
        assertNothingWritten(appointment, () -> amend(appointment, "invalidEtag"), 409, "FHIR_CONSTRAINT_VIOLATION");
    }

    static Stream<Arguments> forbiddenChanges() {
        return Stream.of(
                change("the status", a -> a.setStatus(AppointmentStatus.ARRIVED)),
                change("the start", a -> a.setStartElement(BookingApi.instant(a.getStart().toInstant().plusSeconds(600)))),
                change("the end", a -> a.setEndElement(BookingApi.instant(a.getEnd().toInstant().plusSeconds(600)))),
                change("the created date", a -> a.setCreatedElement(new org.hl7.fhir.dstu3.model.DateTimeType("2020-01-01T10:00:00+00:00"))),
                change("the slots", a -> a.addSlot(new Reference("Slot/1"))),
                change("a participant added", a -> a.addParticipant().setActor(new Reference("Practitioner/2"))
                        .setStatus(Appointment.ParticipationStatus.ACCEPTED)),
                change("a participant removed", a -> a.getParticipant().remove(2)),
                change("a participant status", a -> a.getParticipantFirstRep().setStatus(Appointment.ParticipationStatus.DECLINED)),
                change("an absolute reference", a -> a.getParticipantFirstRep().getActor()
                        .setReference("https://provider.nhs.uk/B82617/STU3/1/gpconnect/fhir/Patient/1")),
                change("the slot type text", a -> a.getServiceTypeFirstRep().setText("RANDOM TYPE TEXT")),
                change("the schedule type text", a -> a.getServiceCategory().setText("Another session")),
                change("the delivery channel removed", a -> a.getExtension().removeIf(e -> e.getUrl().equals(BookingApi.DELIVERY_CHANNEL))),
                change("the booking organisation", a -> ((Organization) a.getContained().get(0)).setName("Someone else")),
                change("a priority", a -> a.setPriority(1)),
                change("an identifier", a -> a.addIdentifier().setSystem("https://example.org/ids").setValue("1")),
                change("a reason", a -> a.addReason(new CodeableConcept().setText("Headache"))),
                change("a cancellation reason", a -> a.addExtension(new Extension(BookingApi.CANCELLATION_REASON, new StringType("why")))),
                change("an unknown extension", a -> a.addExtension(new Extension("https://example.org/x", new StringType("x")))),
                change("the profile", a -> a.getMeta().getProfile().clear()),
                change("a description over 100 characters", a -> a.setDescription("d".repeat(101))),
                change("a comment over 500 characters", a -> a.setComment("c".repeat(501))),
                change("the description removed", a -> a.setDescription(null)));
    }

    private static Arguments change(String what, Consumer<Appointment> edit) {
        return Arguments.of(what, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenChanges")
    void anyOtherChangeIs422InvalidResource(String what, Consumer<Appointment> edit) {
        Appointment appointment = newAppointment();
        appointment.setDescription("a permitted change alongside");
        edit.accept(appointment);
        assertNothingWritten(appointment, () -> amend(appointment, etag(appointment)), 422, "INVALID_RESOURCE");
    }

    @Test
    void aCancelledAppointmentCannotBeAmended() {
        Appointment appointment = newAppointment();
        Appointment cancelled = BookingApi.appointment(BookingApi.cancel(BookingApi.cancellation(appointment, "double booked"), null)
                .statusCode(200).extract().asString());
        cancelled.setDescription("too late");
        assertNothingWritten(cancelled, () -> amend(cancelled, etag(cancelled)), 422, "INVALID_RESOURCE");
    }

    @Test
    void aPastAppointmentCannotBeAmended() {
        long id = BookingFixtures.practiceAppointment(pool, "3", BookingFixtures.free(pool).start().plusSeconds(18 * 3600), "In-person", null);
        try {
            Appointment body = movedIntoThePast(id);
            body.setDescription("changed");
            assertOutcome(amend(body, null), 422, "INVALID_RESOURCE").body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("past"));
            assertThat(BookingFixtures.number(pool, "SELECT version FROM appointment WHERE id = $1", id)).isEqualTo(1);
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    /**
     * A past appointment cannot be read (§5) to be sent back, so it is read while in the future, then moved two
     * hours into the past; the body sent is the read one with the new times.
     */
    Appointment movedIntoThePast(long id) {
        Appointment body = readOk(Long.toString(id));
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);
        BookingFixtures.sql(pool, "UPDATE appointment SET start_at = $2, end_at = $3 WHERE id = $1", id,
                start.atOffset(java.time.ZoneOffset.UTC), start.plusSeconds(600).atOffset(java.time.ZoneOffset.UTC));
        body.setStartElement(BookingApi.instant(start));
        body.setEndElement(BookingApi.instant(start.plusSeconds(600)));
        return body;
    }

    @Test
    void aVisitCannotBeAmended() {
        long id = BookingFixtures.practiceAppointment(pool, "3", BookingFixtures.free(pool).start().plusSeconds(19 * 3600), "Visit", "Home visit");
        try {
            Appointment visit = readOk(Long.toString(id));
            visit.setDescription("changed");
            assertOutcome(amend(visit, etag(visit)), 422, "INVALID_RESOURCE");
            assertThat(BookingFixtures.number(pool, "SELECT version FROM appointment WHERE id = $1", id)).isEqualTo(1);
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void aBodyForAnotherAppointmentIs422() {
        Appointment first = newAppointment();
        Appointment second = newAppointment();
        second.setDescription("sent to the wrong URL");
        assertNothingWritten(first, () -> put(Interaction.APPOINTMENT_AMEND, first.getIdElement().getIdPart(), json(second), null),
                422, "INVALID_RESOURCE");
    }

    @Test
    void aBodyWithoutIdIs400BadRequest() {
        // the test pack's "new Appointment" sent as an amendment
        Appointment appointment = newAppointment();
        assertNothingWritten(appointment, () -> put(Interaction.APPOINTMENT_AMEND, appointment.getIdElement().getIdPart(),
                "{\"resourceType\":\"Appointment\"}", null), 400, "BAD_REQUEST");
    }

    @Test
    void anUnknownAppointmentIs404NoRecordFound() {
        Appointment appointment = newAppointment();
        appointment.setId("987654321");
        assertOutcome(put(Interaction.APPOINTMENT_AMEND, "987654321", json(appointment), null), 404, "NO_RECORD_FOUND");
    }

    @Test
    void anotherResourceTypeIs422InvalidResource() {
        Appointment appointment = newAppointment();
        assertNothingWritten(appointment, () -> put(Interaction.APPOINTMENT_AMEND, appointment.getIdElement().getIdPart(),
                json(new Patient().setId("1")), null), 422, "INVALID_RESOURCE");
    }

    @Test
    void theInteractionDecidesNotTheBody() {
        // a valid cancellation body sent with the amend interaction is an amendment that changes the status
        Appointment appointment = newAppointment();
        Appointment cancellation = BookingApi.cancellation(appointment, "double booked");
        assertNothingWritten(appointment, () -> amend(cancellation, null), 422, "INVALID_RESOURCE");
    }

    private ValidatableResponse assertNothingWritten(Appointment appointment, Supplier<ValidatableResponse> request, int status, String code) {
        String id = appointment.getIdElement().getIdPart();
        String before = BookingFixtures.state(pool, id);
        ValidatableResponse response = assertOutcome(request.get(), status, code);
        assertThat(BookingFixtures.state(pool, id)).as("nothing written").isEqualTo(before);
        return response;
    }

    @Test
    void versionsOnlyEverGoUp() {
        Appointment appointment = newAppointment();
        int previous = 1;
        for (int i = 0; i < 5; i++) {
            appointment.setDescription("change " + i);
            appointment = BookingApi.appointment(amend(appointment, etag(appointment)).statusCode(200).extract().asString());
            int version = Integer.parseInt(appointment.getMeta().getVersionId());
            assertThat(version).isEqualTo(previous + 1);
            previous = version;
        }
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment_provenance WHERE appointment_id = $1",
                Long.parseLong(appointment.getIdElement().getIdPart()))).isEqualTo(6);
        assertThat(List.of(previous)).containsExactly(6);
    }
}
