package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.APPOINTMENTS;
import static org.gpconnect.appointment.booking.BookingApi.APPOINTMENT_PROFILE;
import static org.gpconnect.appointment.booking.BookingApi.BOOKING_ODS;
import static org.gpconnect.appointment.booking.BookingApi.BOOKING_ORGANISATION;
import static org.gpconnect.appointment.booking.BookingApi.DELIVERY_CHANNEL;
import static org.gpconnect.appointment.booking.BookingApi.PATIENT_NHS_NUMBER;
import static org.gpconnect.appointment.booking.BookingApi.PRACTITIONER_ROLE;
import static org.gpconnect.appointment.booking.BookingApi.book;
import static org.gpconnect.appointment.booking.BookingApi.booked;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.json;
import static org.gpconnect.appointment.booking.BookingFixtures.number;
import static org.gpconnect.appointment.booking.BookingFixtures.text;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gpconnect.appointment.booking.BookingFixtures.Snapshot;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Booking an appointment, the successful paths: appointment-management.md §4.1 (single and adjacent multi-slot
 * bookings, optional Practitioner), §4.2 (slots busy, booking organisation stored, description and comment as
 * sent), §4.3 (201, Location [base]/Appointment/{id}/_history/{vid}, ETag, Last-Modified, the full
 * GPConnect-Appointment-1 body or none with Prefer: return=minimal), §3.4 (restricted slots bookable by their
 * organisation or type), §4.4 (a slot already booked: 409 DUPLICATE_REJECTED) and security-and-audit.md §3.3
 * (provenance of the booking). The rules that refuse a booking are in {@link BookAppointmentValidationTest}.
 */
@QuarkusTest
class BookAppointmentTest {

    private static final String UK_DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[01]:00";

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    @Test
    void aSingleSlotIsBookedWith201AndTheFullAppointment() {
        TestSlot slot = BookingFixtures.free(pool);
        String token = InternalTokens.forInteraction(Interaction.APPOINTMENT_CREATE);
        ExtractableResponse<Response> response = io.restassured.RestAssured.given().auth().oauth2(token)
                .contentType(BookingApi.FHIR_JSON).body(json(booking(slot)))
                .when().post(APPOINTMENTS)
                .then().statusCode(201)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("ETag", "W/\"1\"")
                .header("Last-Modified", notNullValue())
                .header("Location", matchesPattern("http://[^/]+" + APPOINTMENTS + "/\\d+/_history/1"))
                .header("X-GPC-Audit-NHS-Number", PATIENT_NHS_NUMBER)
                .body("start", matchesPattern(UK_DATE_TIME))
                .body("end", matchesPattern(UK_DATE_TIME))
                .body("created", matchesPattern(UK_DATE_TIME))
                .body("reason", nullValue())
                .body("specialty", nullValue())
                .extract();
        Appointment appointment = BookingApi.appointment(response.asString());
        String id = appointment.getIdElement().getIdPart();
        assertThat(response.header("Location")).endsWith("/Appointment/" + id + "/_history/1");

        assertThat(appointment.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(APPOINTMENT_PROFILE);
        assertThat(appointment.getMeta().getVersionId()).isEqualTo("1");
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getStart().toInstant()).isEqualTo(slot.start());
        assertThat(appointment.getEnd().toInstant()).isEqualTo(slot.end());
        assertThat(appointment.getSlot()).extracting(Reference::getReference).containsExactly(slot.reference());
        assertThat(appointment.getDescription()).isEqualTo("Review of test results");
        assertThat(appointment.hasComment()).isFalse();
        assertThat(appointment.getServiceTypeFirstRep().getText()).isEqualTo(BookingFixtures.SERVICE_TYPE);
        assertThat(appointment.getServiceCategory().getText()).isEqualTo(BookingFixtures.SERVICE_CATEGORY);
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/1", "Location/16", "Practitioner/1");
        assertThat(appointment.getParticipant()).allMatch(p -> p.getStatus() == Appointment.ParticipationStatus.ACCEPTED);
        // the booking organisation, contained as #1 and referenced by its extension
        assertThat(((Reference) appointment.getExtensionByUrl(BOOKING_ORGANISATION).getValue()).getReference()).isEqualTo("#1");
        Organization organization = (Organization) appointment.getContained().get(0);
        assertThat(organization.getIdElement().getIdPart()).isEqualTo("1");
        assertThat(organization.getIdentifierFirstRep().getValue()).isEqualTo(BOOKING_ODS);
        assertThat(organization.getName()).isEqualTo("Test Urgent Care Service");
        assertThat(organization.getTelecomFirstRep().getValue()).isEqualTo("0113 496 0000");
        // the slot's delivery channel and the schedule's practitioner role
        assertThat(((CodeType) appointment.getExtensionByUrl(DELIVERY_CHANNEL).getValue()).getValue()).isEqualTo("In-person");
        Coding role = ((CodeableConcept) appointment.getExtensionByUrl(PRACTITIONER_ROLE).getValue()).getCodingFirstRep();
        assertThat(role.getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1");
        assertThat(role.getCode()).isEqualTo("R0260");

        // what was written: the slot busy, the appointment holding it, who booked it, one event
        assertThat(text(pool, "SELECT status FROM slot WHERE id = $1", slot.id())).isEqualTo("busy");
        assertThat(number(pool, "SELECT version FROM slot WHERE id = $1", slot.id())).isEqualTo(2);
        assertThat(text(pool, "SELECT origin FROM appointment WHERE id = $1", Long.parseLong(id))).isEqualTo("gp-connect");
        assertThat(number(pool, "SELECT count(*) FROM appointment_slot WHERE slot_id = $1 AND released_at IS NULL", slot.id())).isEqualTo(1);
        assertThat(text(pool, "SELECT activity || '|' || origin || '|' || consumer_asid || '|' || organization_ods || '|'"
                + " || practitioner_sds_user_id || '|' || trace_id || '|' || interaction_id FROM appointment_provenance"
                + " WHERE appointment_id = $1 AND version = 1", Long.parseLong(id)))
                .isEqualTo("booked|gp-connect|200000000359|GPCA0001|GCASDS0001|" + BookingApi.traceIdOf(token) + "|"
                        + Interaction.APPOINTMENT_CREATE.id());
        assertThat(number(pool, "SELECT count(*) FROM outbox_event WHERE event_key = $1", id)).isEqualTo(1);
        assertThat(text(pool, "SELECT event_type FROM outbox_event WHERE event_key = $1", id)).isEqualTo("gpconnect.appointment.booked.v1");
    }

    @Test
    void theLocationNamesTheBaseTheConsumerCalledThroughTheGateway() {
        TestSlot slot = BookingFixtures.free(pool);
        BookingApi.as(Interaction.APPOINTMENT_CREATE).contentType(BookingApi.FHIR_JSON)
                .header("Forwarded", "for=10.0.0.7;host=\"gpconnect.example.nhs.uk\";proto=https")
                .body(json(booking(slot))).when().post(APPOINTMENTS)
                .then().statusCode(201)
                .header("Location", matchesPattern("https://gpconnect\\.example\\.nhs\\.uk" + APPOINTMENTS + "/\\d+/_history/1"));
    }

    @Test
    void adjacentSlotsAreBookedAsOneAppointment() {
        List<TestSlot> slots = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 3);
        Appointment appointment = booked(booking(slots));

        assertThat(appointment.getSlot()).extracting(Reference::getReference)
                .containsExactly(slots.get(0).reference(), slots.get(1).reference(), slots.get(2).reference());
        assertThat(appointment.getStart().toInstant()).isEqualTo(slots.get(0).start());
        assertThat(appointment.getEnd().toInstant()).isEqualTo(slots.get(2).end());
        for (TestSlot slot : slots) {
            assertThat(text(pool, "SELECT status FROM slot WHERE id = $1", slot.id())).isEqualTo("busy");
        }
        // one appointment, one event, whatever the number of slots
        assertThat(number(pool, "SELECT count(*) FROM outbox_event WHERE event_key = $1", appointment.getIdElement().getIdPart())).isEqualTo(1);
    }

    @Test
    void slotsSentOutOfOrderAreStoredInTimeOrder() {
        List<TestSlot> slots = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 2);
        Appointment body = booking(slots);
        body.getSlot().clear();
        body.addSlot(new Reference(slots.get(1).reference())).addSlot(new Reference(slots.get(0).reference()));
        assertThat(booked(body).getSlot()).extracting(Reference::getReference)
                .containsExactly(slots.get(0).reference(), slots.get(1).reference());
    }

    @Test
    void preferReturnMinimalIs201WithAnEmptyBodyAndTheHeaders() {
        TestSlot slot = BookingFixtures.free(pool);
        String location = BookingApi.as(Interaction.APPOINTMENT_CREATE).contentType(BookingApi.FHIR_JSON)
                .header("Prefer", "return=minimal").body(json(booking(slot)))
                .when().post(APPOINTMENTS)
                .then().statusCode(201)
                .body(emptyOrNullString())
                .header("ETag", "W/\"1\"")
                .header("Last-Modified", notNullValue())
                .header("Location", endsWith("/_history/1"))
                .extract().header("Location");
        String id = location.replaceAll(".*/Appointment/(\\d+)/_history/1", "$1");
        assertThat(BookingApi.readOk(id).getSlotFirstRep().getReference()).isEqualTo(slot.reference());
    }

    @Test
    void aCommentIsStoredAndReturnedAsSent() {
        TestSlot slot = BookingFixtures.free(pool);
        Appointment body = booking(slot);
        String comment = "Patient prefers a call back on 07700 900000 before 10am. ".repeat(9).substring(0, 500);
        body.setComment(comment);
        body.setDescription("d".repeat(100));
        Appointment appointment = booked(body);
        assertThat(appointment.getComment()).isEqualTo(comment);
        assertThat(appointment.getDescription()).isEqualTo("d".repeat(100));
        assertThat(BookingApi.readOk(appointment.getIdElement().getIdPart()).getComment()).isEqualTo(comment);
    }

    @Test
    void businessIdentifiersAreStoredAndReturned() {
        Appointment body = booking(BookingFixtures.free(pool));
        body.addIdentifier().setSystem("https://fhir.nhs.uk/Id/gpconnect-appointment-identifier").setValue("consumer-123");
        Appointment appointment = booked(body);
        assertThat(appointment.getIdentifier()).singleElement().satisfies(identifier -> {
            assertThat(identifier.getSystem()).isEqualTo("https://fhir.nhs.uk/Id/gpconnect-appointment-identifier");
            assertThat(identifier.getValue()).isEqualTo("consumer-123");
        });
    }

    @Test
    void aPractitionerParticipantIsOptionalAndStillReturnedFromTheSchedule() {
        TestSlot slot = BookingFixtures.free(pool);
        Appointment appointment = booked(booking(BookingApi.PATIENT, List.of(slot), "16", null));
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/1", "Location/16", "Practitioner/1");
    }

    @Test
    void aScheduleWithoutPractitionerGivesNoPractitionerParticipantOrRole() {
        TestSlot slot = BookingFixtures.adjacentFree(pool, BookingFixtures.OTHER_SCHEDULE, 1).get(0);
        Appointment appointment = booked(booking(BookingApi.PATIENT, List.of(slot), "17", null));
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference()).containsExactly("Patient/1", "Location/17");
        assertThat(appointment.getExtensionByUrl(PRACTITIONER_ROLE)).isNull();
        assertThat(appointment.getServiceCategory().getText()).isEqualTo("Other booking tests");
    }

    @Test
    void aVideoSlotGivesAVideoAppointment() {
        TestSlot slot = BookingFixtures.freeAt(pool, BookingFixtures.SCHEDULE, "12:00");
        Appointment appointment = booked(booking(slot));
        assertThat(((CodeType) appointment.getExtensionByUrl(DELIVERY_CHANNEL).getValue()).getValue()).isEqualTo("Video");
    }

    @Test
    void aSlotFoundBySlotSearchIsBookedAndThenNoLongerFound() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(22);
        String search = FoundationsApi.BASE + "/Slot?start=ge" + day + "&end=le" + day + "&status=free&_include=Slot:schedule";
        Bundle before = FoundationsApi.bundle(FoundationsApi.as(Interaction.SLOT_SEARCH).when().get(search)
                .then().statusCode(200).extract().asString());
        Slot found = before.getEntry().stream().map(e -> e.getResource()).filter(Slot.class::isInstance).map(Slot.class::cast)
                .filter(s -> s.getSchedule().getReference().equals("Schedule/" + BookingFixtures.SCHEDULE))
                .filter(s -> "General medical practice".equals(s.getServiceTypeFirstRep().getText()))
                .findFirst().orElseThrow();
        TestSlot slot = new TestSlot(Long.parseLong(found.getIdElement().getIdPart()), found.getStart().toInstant(), found.getEnd().toInstant());

        booked(booking(slot));

        Bundle after = FoundationsApi.bundle(FoundationsApi.as(Interaction.SLOT_SEARCH).when().get(search)
                .then().statusCode(200).extract().asString());
        assertThat(after.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .doesNotContain(found.getIdElement().getIdPart());
    }

    @Test
    void aSlotReservedForAnOrganisationIsBookedByThatOrganisation() {
        TestSlot slot = BookingFixtures.freeAt(pool, BookingFixtures.SCHEDULE, "14:00");
        Appointment body = booking(slot);
        BookingApi.bookingOrganization(body).getIdentifierFirstRep().setValue("B82617");
        booked(body);
    }

    @Test
    void aSlotReservedForAnOrganisationTypeIsBookedByThatType() {
        TestSlot slot = BookingFixtures.freeAt(pool, BookingFixtures.SCHEDULE, "15:00");
        Appointment body = booking(slot);
        BookingApi.bookingOrganization(body).addType().addCoding().setSystem(BookingApi.ORG_TYPE_SYSTEM).setCode("urgent-care");
        Appointment appointment = booked(body);
        // the type is stored and returned with the organisation
        assertThat(((Organization) appointment.getContained().get(0)).getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("urgent-care");
    }

    @Test
    void anXmlBookingIsAnsweredInXml() {
        TestSlot slot = BookingFixtures.free(pool);
        String xml = FhirContext.forDstu3Cached().newXmlParser().encodeResourceToString(booking(slot));
        String answer = BookingApi.as(Interaction.APPOINTMENT_CREATE).contentType("application/fhir+xml;charset=utf-8").accept("application/fhir+xml")
                .body(xml).when().post(APPOINTMENTS)
                .then().statusCode(201).header("Content-Type", "application/fhir+xml;charset=utf-8")
                .extract().asString();
        Appointment appointment = FhirContext.forDstu3Cached().newXmlParser().parseResource(Appointment.class, answer);
        assertThat(appointment.getSlotFirstRep().getReference()).isEqualTo(slot.reference());
        assertThat(((Organization) appointment.getContained().get(0)).getName()).isEqualTo("Test Urgent Care Service");
    }

    @Test
    void aSlotAlreadyBookedIs409DuplicateRejectedAndNothingIsWritten() {
        TestSlot slot = BookingFixtures.free(pool);
        booked(booking(slot));
        Snapshot before = Snapshot.of(pool, List.of(slot));

        Appointment second = booking("3", List.of(slot), "16", "1");
        assertOutcome(book(second), 409, "DUPLICATE_REJECTED").body("issue[0].code", equalTo("duplicate"));

        assertThat(Snapshot.of(pool, List.of(slot))).isEqualTo(before);
    }

    @Test
    void aMultiSlotBookingWithOneSlotTakenIs409AndTakesNoneOfTheOthers() {
        List<TestSlot> slots = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 3);
        booked(booking(slots.subList(2, 3)));
        Snapshot before = Snapshot.of(pool, slots);

        assertOutcome(book(booking(slots)), 409, "DUPLICATE_REJECTED");

        assertThat(Snapshot.of(pool, slots)).isEqualTo(before);
        assertThat(text(pool, "SELECT status FROM slot WHERE id = $1", slots.get(0).id())).isEqualTo("free");
    }
}
