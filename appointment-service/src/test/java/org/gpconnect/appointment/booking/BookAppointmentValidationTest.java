package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.book;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.bookingOrganization;
import static org.gpconnect.appointment.booking.BookingApi.json;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gpconnect.appointment.booking.BookingFixtures.Snapshot;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier.IdentifierUse;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refusal of a booking (appointment-management.md §4.4; testdata/schedules_and_slots.yaml appointment_rules
 * "create.invalid"), each with its status and Spine code, and each leaving nothing written: no appointment, no
 * provenance, no outbox event, and the slots untouched (status and version), checked in the database. §4.1 gives
 * what a booking must carry, §4.1 "multiple adjacent slots" the multi-slot rules, §3.4 the reservations, §10
 * the sensitive patients. A slot already booked (409) is in {@link BookAppointmentTest}.
 */
@QuarkusTest
class BookAppointmentValidationTest {

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("no start", a -> a.setStartElement(null)),
                invalid("no end", a -> a.setEndElement(null)),
                invalid("end before start", a -> a.setEndElement(BookingApi.instant(a.getStart().toInstant().minusSeconds(600)))),
                invalid("no status", a -> a.setStatus(null)),
                invalid("status other than booked", a -> a.setStatus(AppointmentStatus.PENDING)),
                invalid("no slot", a -> a.getSlot().clear()),
                invalid("a slot reference that is not a number", a -> a.getSlotFirstRep().setReference("Slot/hello")),
                invalid("a malformed slot reference", a -> a.getSlotFirstRep().setReference("Slot/45555555##")),
                invalid("an absolute slot reference", a -> a.getSlotFirstRep().setReference(
                        "https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/Slot/" + a.getSlotFirstRep().getReference().substring(5))),
                invalid("the same slot twice", a -> a.addSlot(new Reference(a.getSlotFirstRep().getReference()))),
                invalid("an unknown slot", a -> a.getSlotFirstRep().setReference("Slot/987654321098")),
                invalid("no participants", a -> a.getParticipant().clear()),
                invalid("no Patient participant", a -> a.getParticipant().remove(0)),
                invalid("no Location participant", a -> a.getParticipant().remove(1)),
                invalid("a participant without status", a -> a.getParticipant().forEach(p -> p.setStatus(null))),
                invalid("a participant without actor", a -> a.getParticipant().get(2).setActor(null)),
                invalid("two Patient participants", a -> a.addParticipant().setActor(new Reference("Patient/3"))
                        .setStatus(Appointment.ParticipationStatus.ACCEPTED)),
                invalid("a RelatedPerson participant", a -> a.addParticipant().setActor(new Reference("RelatedPerson/1"))
                        .setStatus(Appointment.ParticipationStatus.ACCEPTED)),
                invalid("an absolute Patient reference", a -> a.getParticipant().get(0).getActor()
                        .setReference("https://provider.nhs.uk/B82617/STU3/1/gpconnect/fhir/Patient/1")),
                invalid("an absolute Location reference", a -> a.getParticipant().get(1).getActor()
                        .setReference("https://provider.nhs.uk/B82617/STU3/1/gpconnect/fhir/Location/16")),
                invalid("no booking organisation extension", a -> a.getExtension().clear()),
                invalid("an absolute booking organisation reference", a -> a.getExtension().get(0).setValue(
                        new Reference("https://provider.nhs.uk/B82617/STU3/1/gpconnect/fhir/Organization/1"))),
                invalid("no contained booking organisation", a -> a.getContained().clear()),
                invalid("a booking organisation without name", a -> bookingOrganization(a).setName(null)),
                invalid("a booking organisation without telecom", a -> bookingOrganization(a).getTelecom().clear()),
                invalid("a booking organisation without ODS code", a -> bookingOrganization(a).getIdentifier().clear()),
                invalid("a booking organisation type in another code system", a -> bookingOrganization(a).addType()
                        .addCoding().setSystem("http://example.org/types").setCode("urgent-care")),
                invalid("no description", a -> a.setDescription(null)),
                invalid("a blank description", a -> a.setDescription("   ")),
                invalid("a description over 100 characters", a -> a.setDescription("d".repeat(101))),
                invalid("a comment over 500 characters", a -> a.setComment("c".repeat(501))),
                invalid("an identifier without value", a -> a.addIdentifier().setSystem("https://fhir.nhs.uk/Id/gpconnect-appointment-identifier")),
                invalid("an identifier without system", a -> a.addIdentifier().setValue("123")),
                invalid("an identifier with use", a -> a.addIdentifier().setSystem("https://example.org/ids").setValue("1")
                        .setUse(IdentifierUse.OFFICIAL)),
                invalid("a reason", a -> a.addReason(new CodeableConcept().setText("Headache"))),
                invalid("a specialty", a -> a.addSpecialty(new CodeableConcept().setText("Cardiology"))),
                invalid("an appointmentType (typeCode)", a -> a.setAppointmentType(new CodeableConcept().setText("ROUTINE"))),
                invalid("a priority", a -> a.setPriority(1)),
                invalid("a minutesDuration", a -> a.setMinutesDuration(10)),
                invalid("a requestedPeriod", a -> a.addRequestedPeriod().setStartElement(new org.hl7.fhir.dstu3.model.DateTimeType("2030-01-01"))),
                invalid("a cancellation reason", a -> a.addExtension(new Extension(BookingApi.CANCELLATION_REASON, new StringType("why")))),
                invalid("an unknown extension", a -> a.addExtension(new Extension("https://example.org/ext", new StringType("x")))),
                invalid("a delivery channel extension without valueCode", a -> a.addExtension(
                        new Extension(BookingApi.DELIVERY_CHANNEL, new StringType("In-person")))),
                invalid("no profile", a -> a.getMeta().getProfile().clear()),
                invalid("start not the slot's start", a -> a.setStartElement(BookingApi.instant(a.getStart().toInstant().plusSeconds(60)))),
                invalid("end not the slot's end", a -> a.setEndElement(BookingApi.instant(a.getEnd().toInstant().plusSeconds(600)))),
                invalid("the Location is not the schedule's", a -> a.getParticipant().get(1).getActor().setReference("Location/17")),
                invalid("the Practitioner is not the schedule's", a -> a.getParticipant().get(2).getActor().setReference("Practitioner/3")),
                invalid("an unknown patient", a -> a.getParticipant().get(0).getActor().setReference("Patient/99999")));
    }

    private static Arguments invalid(String what, Consumer<Appointment> change) {
        return Arguments.of(what, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void isRefusedWith422InvalidResourceAndWritesNothing(String what, Consumer<Appointment> change) {
        TestSlot slot = BookingFixtures.free(pool);
        Appointment body = booking(slot);
        change.accept(body);
        assertRefused(() -> book(body), List.of(slot), 422, "INVALID_RESOURCE");
    }

    @Test
    void aSensitivePatientIs404PatientNotFound() {
        TestSlot slot = BookingFixtures.free(pool);
        assertRefused(() -> book(booking("9", List.of(slot), "16", "1")), List.of(slot), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void aDeceasedPatientIsNotServedEither() {
        // foundations.md §9.1 never discloses patient18; appointments treat him like a sensitive patient (§10)
        TestSlot slot = BookingFixtures.free(pool);
        assertRefused(() -> book(booking("18", List.of(slot), "16", "1")), List.of(slot), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void slotsWithAGapAreRefused() {
        List<TestSlot> run = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 3);
        List<TestSlot> gap = List.of(run.get(0), run.get(2));
        assertRefused(() -> book(booking(gap)), gap, 422, "INVALID_RESOURCE").body("issue[0].diagnostics", containsString("follow each other"));
    }

    @Test
    void adjacentSlotsOfTwoSchedulesAreRefused() {
        List<TestSlot> slots = BookingFixtures.freePair(pool, BookingFixtures.SCHEDULE, "09:00", BookingFixtures.OTHER_SCHEDULE);
        assertRefused(() -> book(booking(slots)), slots, 422, "INVALID_RESOURCE").body("issue[0].diagnostics", containsString("schedule"));
    }

    @Test
    void adjacentSlotsWithDifferentDeliveryChannelsAreRefused() {
        // 11:50 is the last In-person slot of the morning, 12:00 the first Video one
        List<TestSlot> slots = BookingFixtures.freePair(pool, BookingFixtures.SCHEDULE, "11:50", BookingFixtures.SCHEDULE);
        assertRefused(() -> book(booking(slots)), slots, 422, "INVALID_RESOURCE").body("issue[0].diagnostics", containsString("delivery channel"));
    }

    @Test
    void adjacentSlotsWithDifferentSlotTypesAreRefused() {
        // 13:50 is the last "Blood test" slot, 14:00 a "General medical practice" one
        List<TestSlot> slots = BookingFixtures.freePair(pool, BookingFixtures.SCHEDULE, "13:50", BookingFixtures.SCHEDULE);
        assertRefused(() -> book(booking(slots)), slots, 422, "INVALID_RESOURCE").body("issue[0].diagnostics", containsString("slot type"));
    }

    @Test
    void aSlotThatIsNotGpConnectBookableIsRefused() {
        TestSlot slot = BookingFixtures.freeAt(pool, BookingFixtures.SCHEDULE, "16:00");
        assertRefused(() -> book(booking(slot)), List.of(slot), 422, "INVALID_RESOURCE");
    }

    @Test
    void aSlotReservedForAnotherOrganisationIsRefused() {
        TestSlot slot = BookingFixtures.freeAt(pool, BookingFixtures.SCHEDULE, "14:00");
        assertRefused(() -> book(booking(slot)), List.of(slot), 422, "INVALID_RESOURCE").body("issue[0].diagnostics", containsString("reserved"));
    }

    @Test
    void aSlotReservedForAnotherOrganisationTypeIsRefused() {
        TestSlot slot = BookingFixtures.freeAt(pool, BookingFixtures.SCHEDULE, "15:00");
        assertRefused(() -> book(booking(slot)), List.of(slot), 422, "INVALID_RESOURCE");
        Appointment gpPractice = booking(slot);
        bookingOrganization(gpPractice).addType().addCoding().setSystem(BookingApi.ORG_TYPE_SYSTEM).setCode("gp-practice");
        assertRefused(() -> book(gpPractice), List.of(slot), 422, "INVALID_RESOURCE");
    }

    @Test
    void aSlotInThePastIsRefused() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(3600);
        long id = BookingFixtures.number(pool, "INSERT INTO slot (schedule_id, start_at, end_at, status, gp_connect_bookable,"
                        + " delivery_channel, service_type) VALUES ($1, $2, $3, 'free', true, 'In-person', 'General medical practice') RETURNING id",
                BookingFixtures.SCHEDULE, start.atOffset(ZoneOffset.UTC), start.plusSeconds(600).atOffset(ZoneOffset.UTC));
        TestSlot past = new TestSlot(id, start, start.plusSeconds(600));
        try {
            assertRefused(() -> book(booking(past)), List.of(past), 422, "INVALID_RESOURCE").body("issue[0].diagnostics", containsString("past"));
        } finally {
            BookingFixtures.sql(pool, "DELETE FROM slot WHERE id = $1", id);
        }
    }

    @Test
    void aVisitSlotIsRefusedEvenWhenMarkedBookable() {
        Instant start = BookingFixtures.free(pool).start().plusSeconds(20 * 3600); // an evening, clear of the sessions
        long id = BookingFixtures.number(pool, "INSERT INTO slot (schedule_id, start_at, end_at, status, gp_connect_bookable,"
                        + " delivery_channel, service_type) VALUES ($1, $2, $3, 'free', true, 'Visit', 'Home visit') RETURNING id",
                BookingFixtures.SCHEDULE, start.atOffset(ZoneOffset.UTC), start.plusSeconds(600).atOffset(ZoneOffset.UTC));
        TestSlot visit = new TestSlot(id, start, start.plusSeconds(600));
        try {
            assertRefused(() -> book(booking(visit)), List.of(visit), 422, "INVALID_RESOURCE");
        } finally {
            BookingFixtures.sql(pool, "DELETE FROM slot WHERE id = $1", id);
        }
    }

    @Test
    void aSlotOfAnotherPracticeIsUnknownHere() {
        BookingFixtures.sql(pool, "INSERT INTO practice (ods_code, organization_id, gp_connect_enabled, appointments_enabled) VALUES ('R1A14', '2', true, true) ON CONFLICT DO NOTHING");
        BookingFixtures.sql(pool, "INSERT INTO schedule (id, practice_ods, location_id, planning_horizon_start) VALUES"
                + " ('bk-r1a14', 'R1A14', '8', now()) ON CONFLICT DO NOTHING");
        Instant start = BookingFixtures.free(pool).start();
        long id = BookingFixtures.number(pool, "INSERT INTO slot (schedule_id, start_at, end_at, status, gp_connect_bookable,"
                        + " delivery_channel, service_type) VALUES ('bk-r1a14', $1, $2, 'free', true, 'In-person', 'Clinic') RETURNING id",
                start.atOffset(ZoneOffset.UTC), start.plusSeconds(600).atOffset(ZoneOffset.UTC));
        TestSlot theirs = new TestSlot(id, start, start.plusSeconds(600));
        try {
            assertRefused(() -> book(booking(BookingApi.PATIENT, List.of(theirs), "8", null)), List.of(theirs), 422, "INVALID_RESOURCE");
        } finally {
            BookingFixtures.sql(pool, "DELETE FROM slot WHERE id = $1", id);
            BookingFixtures.sql(pool, "DELETE FROM schedule WHERE id = 'bk-r1a14'");
            BookingFixtures.sql(pool, "DELETE FROM practice WHERE ods_code = 'R1A14'");
        }
    }

    @Test
    void anUnknownElementIs422InvalidResource() {
        TestSlot slot = BookingFixtures.free(pool);
        String body = json(booking(slot)).replaceFirst("\\{", "{\"invalidField\":\"Assurance\",");
        assertRefused(() -> book(body), List.of(slot), 422, "INVALID_RESOURCE");
    }

    @Test
    void anotherResourceTypeIs422InvalidResource() {
        TestSlot slot = BookingFixtures.free(pool);
        assertRefused(() -> book(json(new Patient().setActive(true))), List.of(slot), 422, "INVALID_RESOURCE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"resourceType\":\"Appointment\",", "not json at all", "{\"resourceType\":\"Appointment\"} trailing"})
    void aMalformedBodyIs400BadRequest(String body) {
        TestSlot slot = BookingFixtures.free(pool);
        assertRefused(() -> book(body), List.of(slot), 400, "BAD_REQUEST");
    }

    @Test
    void aRefusalCarriesNoAuditPatientHeaderAndNoStoredState() {
        // an outcome names no patient: nothing about the patient was disclosed
        TestSlot slot = BookingFixtures.free(pool);
        Appointment body = booking(slot);
        body.setDescription(null);
        assertRefused(() -> book(body), List.of(slot), 422, "INVALID_RESOURCE")
                .header("X-GPC-Audit-NHS-Number", emptyOrNullString())
                .body("issue[0].diagnostics", not(emptyOrNullString()));
    }

    @Test
    void theDeliveryChannelAndRoleAConsumerEchoesAreAcceptedAndTheSlotsAreReturned() {
        // the test pack may send the extensions it saw on the slot; the provider answers with the slot's own values
        TestSlot slot = BookingFixtures.free(pool);
        Appointment body = booking(slot);
        body.addExtension(new Extension(BookingApi.DELIVERY_CHANNEL, new CodeType("Video")));
        body.addExtension(new Extension(BookingApi.PRACTITIONER_ROLE, new CodeableConcept().setText("GP")));
        Appointment booked = BookingApi.booked(body);
        assertThat(((CodeType) booked.getExtensionByUrl(BookingApi.DELIVERY_CHANNEL).getValue()).getValue()).isEqualTo("In-person");
    }

    private ValidatableResponse assertRefused(Supplier<ValidatableResponse> request, List<TestSlot> slots, int status, String code) {
        Snapshot before = Snapshot.of(pool, slots);
        ValidatableResponse checked = assertOutcome(request.get(), status, code);
        assertThat(Snapshot.of(pool, slots)).as("nothing written").isEqualTo(before);
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment_slot WHERE slot_id = ANY($1) AND released_at IS NULL",
                (Object) slots.stream().map(TestSlot::id).toArray(Long[]::new))).isZero();
        return checked;
    }
}
