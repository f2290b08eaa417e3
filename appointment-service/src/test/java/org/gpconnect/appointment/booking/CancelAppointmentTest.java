package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.booked;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.cancel;
import static org.gpconnect.appointment.booking.BookingApi.cancellation;
import static org.gpconnect.appointment.booking.BookingApi.etag;
import static org.gpconnect.appointment.booking.BookingApi.json;
import static org.gpconnect.appointment.booking.BookingApi.put;
import static org.gpconnect.appointment.booking.BookingApi.readOk;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
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
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cancel an appointment: appointment-management.md §7 (status cancelled plus the cancellation reason, nothing else
 * changed; a new version; the slots free again, in the same transaction; If-Match as for amend; a missing or
 * empty reason 422 INVALID_PARAMETER, but a reason under a wrong extension URL 422 INVALID_RESOURCE, checked first;
 * any other change, a cancelled, past or visit appointment 422 INVALID_RESOURCE), testdata appointment_rules
 * "cancel" and security-and-audit.md §3.3. Every refusal is shown to write nothing.
 */
@QuarkusTest
class CancelAppointmentTest {

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    @Test
    void aCancellationFreesTheSlotsInANewVersion() {
        List<TestSlot> slots = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 2);
        List<Long> versions = slots.stream().map(s -> BookingFixtures.number(pool, "SELECT version FROM slot WHERE id = $1", s.id())).toList();
        Appointment appointment = booked(booking(slots));
        String id = appointment.getIdElement().getIdPart();
        String token = InternalTokens.forInteraction(Interaction.APPOINTMENT_CANCEL);

        String body = io.restassured.RestAssured.given().auth().oauth2(token).contentType(BookingApi.FHIR_JSON)
                .header("If-Match", etag(appointment)).body(json(cancellation(appointment, "double booked")))
                .when().put(BookingApi.APPOINTMENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", "W/\"2\"")
                .header("X-GPC-Audit-NHS-Number", BookingApi.PATIENT_NHS_NUMBER)
                .body("status", equalTo("cancelled"))
                .body("meta.versionId", equalTo("2"))
                .extract().asString();

        Appointment cancelled = BookingApi.appointment(body);
        assertThat(((StringType) cancelled.getExtensionByUrl(BookingApi.CANCELLATION_REASON).getValue()).getValue()).isEqualTo("double booked");
        // everything else as booked
        Appointment expected = appointment.copy();
        expected.setStatus(AppointmentStatus.CANCELLED);
        expected.getMeta().setVersionId("2");
        expected.setIdElement(cancelled.getIdElement().copy()); // HAPI puts the version into the parsed id too
        expected.addExtension(new Extension(BookingApi.CANCELLATION_REASON, new StringType("double booked")));
        assertThat(cancelled.equalsDeep(expected)).as("only status, reason and version changed").isTrue();
        assertThat(readOk(id).equalsDeep(cancelled)).isTrue();

        for (int i = 0; i < slots.size(); i++) {
            // busy when booked, free again when cancelled: a new version each time
            assertThat(BookingFixtures.text(pool, "SELECT status || ':' || version FROM slot WHERE id = $1", slots.get(i).id()))
                    .isEqualTo("free:" + (versions.get(i) + 2));
        }
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment_slot WHERE appointment_id = $1 AND released_at IS NULL",
                Long.parseLong(id))).isZero();
        assertThat(BookingFixtures.text(pool, "SELECT activity || '|' || trace_id FROM appointment_provenance"
                + " WHERE appointment_id = $1 AND version = 2", Long.parseLong(id))).isEqualTo("cancelled|" + BookingApi.traceIdOf(token));
        assertThat(BookingFixtures.text(pool, "SELECT string_agg(event_type, ',' ORDER BY id) FROM outbox_event WHERE event_key = $1", id))
                .isEqualTo("gpconnect.appointment.booked.v1,gpconnect.appointment.cancelled.v1");
    }

    @Test
    void aCancelledSlotCanBeBookedAgain() {
        TestSlot slot = BookingFixtures.free(pool);
        Appointment first = booked(booking(slot));
        cancel(cancellation(first, "patient is better"), etag(first)).statusCode(200);
        Appointment second = booked(booking("3", List.of(slot), "16", "1"));
        assertThat(second.getIdElement().getIdPart()).isNotEqualTo(first.getIdElement().getIdPart());
        assertThat(BookingFixtures.text(pool, "SELECT string_agg(appointment_id || ':' || (released_at IS NULL), ',' ORDER BY appointment_id)"
                + " FROM appointment_slot WHERE slot_id = $1 AND appointment_id IN ($2, $3)", slot.id(),
                Long.parseLong(first.getIdElement().getIdPart()), Long.parseLong(second.getIdElement().getIdPart())))
                .isEqualTo(first.getIdElement().getIdPart() + ":false," + second.getIdElement().getIdPart() + ":true");
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment_slot WHERE slot_id = $1 AND released_at IS NULL", slot.id()))
                .isEqualTo(1);
    }

    @Test
    void preferReturnMinimalIs200WithAnEmptyBody() {
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        BookingApi.as(Interaction.APPOINTMENT_CANCEL).contentType(BookingApi.FHIR_JSON).header("Prefer", "return=minimal")
                .body(json(cancellation(appointment, "double booked")))
                .when().put(BookingApi.APPOINTMENTS + "/" + appointment.getIdElement().getIdPart())
                .then().statusCode(200).body(emptyOrNullString()).header("ETag", "W/\"2\"");
    }

    @Test
    void anXmlCancellation() {
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        String xml = FhirContext.forDstu3Cached().newXmlParser().encodeResourceToString(cancellation(appointment, "Test cancellation reason 1"));
        String answer = BookingApi.as(Interaction.APPOINTMENT_CANCEL).contentType("application/fhir+xml;charset=utf-8")
                .accept("application/fhir+xml").body(xml)
                .when().put(BookingApi.APPOINTMENTS + "/" + appointment.getIdElement().getIdPart())
                .then().statusCode(200).extract().asString();
        Appointment cancelled = FhirContext.forDstu3Cached().newXmlParser().parseResource(Appointment.class, answer);
        assertThat(cancelled.getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void anOutOfDateOrMalformedIfMatchIs409() {
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        Appointment body = cancellation(appointment, "double booked");
        assertNothingWritten(appointment, () -> cancel(body, "W/\"2\""), 409, "FHIR_CONSTRAINT_VIOLATION");
        assertNothingWritten(appointment, () -> cancel(body, "invalidEtag"), 409, "FHIR_CONSTRAINT_VIOLATION");
    }

    @Test
    void noCancellationReasonIs422InvalidParameter() {
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        Appointment body = appointment.copy();
        body.setStatus(AppointmentStatus.CANCELLED);
        assertNothingWritten(appointment, () -> cancel(body, null), 422, "INVALID_PARAMETER");
    }

    @Test
    void aBlankCancellationReasonIs422InvalidParameter() {
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        assertNothingWritten(appointment, () -> cancel(cancellation(appointment, "   "), null), 422, "INVALID_PARAMETER");
    }

    @Test
    void anEmptyCancellationReasonIs422InvalidParameterAndWritesNothing() {
        // "valueString": "" counts as no reason (§7), not as an unparseable body
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        String body = json(cancellation(appointment, "PLACEHOLDER")).replace("\"PLACEHOLDER\"", "\"\"");
        assertNothingWritten(appointment, () -> put(Interaction.APPOINTMENT_CANCEL, appointment.getIdElement().getIdPart(), body, null),
                422, "INVALID_PARAMETER");
    }

    @Test
    void aReasonUnderAWrongExtensionUrlIs422InvalidResourceNotInvalidParameter() {
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        Appointment body = appointment.copy();
        body.setStatus(AppointmentStatus.CANCELLED);
        body.addExtension(new Extension("http://fhir.nhs.uk/StructuraeDefinition/extension-gpconnect-appointment-cancellation-reason-1-010",
                new StringType("Too busy")));
        assertNothingWritten(appointment, () -> cancel(body, null), 422, "INVALID_RESOURCE");
    }

    static Stream<Arguments> forbiddenChanges() {
        return Stream.of(
                change("the status left booked", a -> a.setStatus(AppointmentStatus.BOOKED)),
                change("the comment", a -> a.setComment("RANDOM COMMENT")),
                change("the description", a -> a.setDescription("RANDOM DESCRIPTION")),
                change("the slot type text", a -> a.getServiceTypeFirstRep().setText("RANDOM TYPE TEXT")),
                change("participants added", a -> {
                    a.addParticipant().setActor(new Reference("location/2")).setStatus(Appointment.ParticipationStatus.ACCEPTED);
                    a.addParticipant().setActor(new Reference("Patient/2")).setStatus(Appointment.ParticipationStatus.ACCEPTED);
                    a.addParticipant().setActor(new Reference("Practitioner/2")).setStatus(Appointment.ParticipationStatus.ACCEPTED);
                }),
                change("an absolute reference", a -> a.getParticipantFirstRep().getActor()
                        .setReference("https://provider.nhs.uk/B82617/STU3/1/gpconnect/fhir/Patient/1")),
                change("the start", a -> a.setStartElement(BookingApi.instant(a.getStart().toInstant().plusSeconds(600)))),
                change("the booking organisation extension removed",
                        a -> a.getExtension().removeIf(e -> e.getUrl().equals(BookingApi.BOOKING_ORGANISATION))),
                change("a second cancellation reason", a -> a.addExtension(new Extension(BookingApi.CANCELLATION_REASON, new StringType("again")))));
    }

    private static Arguments change(String what, Consumer<Appointment> edit) {
        return Arguments.of(what, edit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenChanges")
    void anyOtherChangeIs422InvalidResource(String what, Consumer<Appointment> edit) {
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        Appointment body = cancellation(appointment, "double booked");
        edit.accept(body);
        assertNothingWritten(appointment, () -> cancel(body, etag(appointment)), 422, "INVALID_RESOURCE");
    }

    @Test
    void aCancelledAppointmentCannotBeCancelledAgain() {
        Appointment appointment = booked(booking(BookingFixtures.free(pool)));
        Appointment cancelled = BookingApi.appointment(cancel(cancellation(appointment, "first"), null).statusCode(200).extract().asString());
        assertNothingWritten(cancelled, () -> cancel(cancelled, etag(cancelled)), 422, "INVALID_RESOURCE")
                .body("issue[0].diagnostics", containsString("cancelled"));
    }

    @Test
    void aPastAppointmentCannotBeCancelled() {
        long id = BookingFixtures.practiceAppointment(pool, "3", BookingFixtures.free(pool).start().plusSeconds(18 * 3600), "In-person", null);
        try {
            Appointment body = readOk(Long.toString(id));
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(7200);
            BookingFixtures.sql(pool, "UPDATE appointment SET start_at = $2, end_at = $3 WHERE id = $1", id,
                    start.atOffset(java.time.ZoneOffset.UTC), start.plusSeconds(600).atOffset(java.time.ZoneOffset.UTC));
            body.setStartElement(BookingApi.instant(start));
            body.setEndElement(BookingApi.instant(start.plusSeconds(600)));
            assertOutcome(cancel(cancellation(body, "too late"), null), 422, "INVALID_RESOURCE")
                    .body("issue[0].diagnostics", containsString("past"));
            assertThat(BookingFixtures.text(pool, "SELECT status || ':' || version FROM appointment WHERE id = $1", id)).isEqualTo("booked:1");
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void aVisitCannotBeCancelled() {
        long id = BookingFixtures.practiceAppointment(pool, "3", BookingFixtures.free(pool).start().plusSeconds(19 * 3600), "Visit", "Care home visit");
        try {
            Appointment visit = readOk(Long.toString(id));
            assertOutcome(cancel(cancellation(visit, "no longer needed"), etag(visit)), 422, "INVALID_RESOURCE");
            assertThat(BookingFixtures.text(pool, "SELECT status || ':' || version FROM appointment WHERE id = $1", id)).isEqualTo("booked:1");
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void aPracticeBookedAppointmentCanBeCancelledByAnyOrganisation() {
        // §10: any organisation in the data-sharing agreement may cancel any future appointment
        long id = BookingFixtures.practiceAppointment(pool, "3", BookingFixtures.free(pool).start().plusSeconds(17 * 3600), "In-person", null);
        try {
            Appointment appointment = readOk(Long.toString(id));
            cancel(cancellation(appointment, "cancelled by 111"), etag(appointment)).statusCode(200).body("status", equalTo("cancelled"));
            assertThat(BookingFixtures.text(pool, "SELECT status FROM slot WHERE id = (SELECT slot_ids[1] FROM appointment WHERE id = $1)", id))
                    .isEqualTo("free");
        } finally {
            BookingFixtures.sql(pool, "DELETE FROM outbox_event WHERE event_key = $1", Long.toString(id));
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    private ValidatableResponse assertNothingWritten(Appointment appointment, Supplier<ValidatableResponse> request, int status, String code) {
        String id = appointment.getIdElement().getIdPart();
        String before = BookingFixtures.state(pool, id);
        ValidatableResponse response = assertOutcome(request.get(), status, code);
        assertThat(BookingFixtures.state(pool, id)).as("nothing written").isEqualTo(before);
        return response;
    }
}
