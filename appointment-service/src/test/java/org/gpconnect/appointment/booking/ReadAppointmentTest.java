package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.APPOINTMENTS;
import static org.gpconnect.appointment.booking.BookingApi.booked;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.read;
import static org.gpconnect.appointment.booking.BookingApi.readOk;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Organization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read an appointment: appointment-management.md §5 (any appointment of the practice, whoever booked it: the
 * practice-booked seed appointments of testdata/schedules_and_slots.yaml included; today counts as future, §5
 * DECISION; a past one is 422 INVALID_RESOURCE, an unknown id 404 NO_RECORD_FOUND), §9 (a visit's Location is the
 * "unknown" visit Location, no delivery channel code), §10 (sensitive patients: 404 PATIENT_NOT_FOUND) and
 * foundations.md §4 (ETag, formats, caching).
 */
@QuarkusTest
class ReadAppointmentTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    @Test
    void aReadReturnsExactlyWhatTheBookingReturnedWithItsETag() {
        Appointment created = booked(booking(BookingFixtures.free(pool)));
        String id = created.getIdElement().getIdPart();

        String body = read(id).statusCode(200)
                .header("ETag", "W/\"1\"")
                .header("Last-Modified", notNullValue())
                .header("Cache-Control", "no-store")
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("X-GPC-Audit-NHS-Number", BookingApi.PATIENT_NHS_NUMBER)
                .extract().asString();

        assertThat(BookingApi.appointment(body).equalsDeep(created)).as("read equals the 201 body").isTrue();
    }

    @Test
    void aReadInXml() {
        String id = booked(booking(BookingFixtures.free(pool))).getIdElement().getIdPart();
        String xml = BookingApi.as(Interaction.APPOINTMENT_READ).queryParam("_format", "application/fhir+xml")
                .when().get(APPOINTMENTS + "/" + id)
                .then().statusCode(200).header("Content-Type", "application/fhir+xml;charset=utf-8").extract().asString();
        assertThat(FhirContext.forDstu3Cached().newXmlParser().parseResource(Appointment.class, xml).getIdElement().getIdPart()).isEqualTo(id);
    }

    @Test
    void anUnknownIdIs404NoRecordFound() {
        assertOutcome(read("987654321"), 404, "NO_RECORD_FOUND");
        assertOutcome(read("not-an-id"), 404, "NO_RECORD_FOUND");
    }

    @Test
    void thePracticeBookedSeedAppointmentsOfPatient2AreReadable() {
        // testdata seed_appointments: booked by the practice itself (origin practice), in its first generated slots
        String id = BookingFixtures.text(pool, "SELECT id::text FROM appointment WHERE patient_id = '2' AND origin = 'practice'"
                + " AND description = 'A appointment to discuss test data' AND status = 'booked' ORDER BY start_at LIMIT 1");
        Appointment appointment = readOk(id);
        assertThat(appointment.getParticipantFirstRep().getActor().getReference()).isEqualTo("Patient/2");
        Organization bookedBy = (Organization) appointment.getContained().get(0);
        assertThat(bookedBy.getName()).isEqualTo("COXWOLD Surgery");
        assertThat(bookedBy.getIdentifierFirstRep().getValue()).isEqualTo("B82617");
        assertThat(bookedBy.getTelecomFirstRep().getValue()).isEqualTo("0300 303 5678");
        assertThat(appointment.getStart().toInstant().atZone(LONDON).toLocalDate()).isEqualTo(LocalDate.now(LONDON).plusDays(1));
        assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM appointment WHERE patient_id = '2' AND origin = 'practice'"
                + " AND status = 'booked' AND start_at > now()")).isEqualTo(2);
    }

    @Test
    void aPastAppointmentIs422InvalidResource() {
        long id = BookingFixtures.practiceAppointment(pool, "3", Instant.now().truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.DAYS), "In-person", null);
        try {
            assertOutcome(read(Long.toString(id)), 422, "INVALID_RESOURCE").body("issue[0].diagnostics", containsString("past"));
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void anAppointmentEarlierTodayIsStillReadable() {
        Instant earlierToday = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        if (!earlierToday.atZone(LONDON).toLocalDate().equals(LocalDate.now(LONDON))) {
            earlierToday = Instant.now().truncatedTo(ChronoUnit.SECONDS); // just after midnight: now is still today
        }
        long id = BookingFixtures.practiceAppointment(pool, "3", earlierToday, "In-person", null);
        try {
            read(Long.toString(id)).statusCode(200).body("id", equalTo(Long.toString(id)));
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void aSensitivePatientsAppointmentIs404PatientNotFound() {
        long id = BookingFixtures.practiceAppointment(pool, "9", BookingFixtures.free(pool).start().plusSeconds(18 * 3600), "In-person", null);
        try {
            assertOutcome(read(Long.toString(id)), 404, "PATIENT_NOT_FOUND");
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void aVisitIsReadableWithTheUnknownVisitLocationAndNoDeliveryChannel() {
        long id = BookingFixtures.practiceAppointment(pool, "3", BookingFixtures.free(pool).start().plusSeconds(19 * 3600), "Visit",
                "Home visit");
        try {
            Appointment visit = readOk(Long.toString(id));
            assertThat(visit.getParticipant()).extracting(p -> p.getActor().getReference()).contains("Location/19");
            assertThat(visit.getExtensionByUrl(BookingApi.DELIVERY_CHANNEL)).isNull();
            assertThat(visit.getComment()).isEqualTo("Home visit");
            // the Location it names is the "unknown" one of §9, readable as any Location
            BookingApi.as(Interaction.LOCATION_READ).when().get(org.gpconnect.appointment.foundations.FoundationsApi.BASE + "/Location/19")
                    .then().statusCode(200)
                    .body("name", equalTo("Contact practice for location of the visit"))
                    .body("address.line[0]", equalTo("Unknown"))
                    .body("address.city", equalTo("Unknown"))
                    .body("managingOrganization.reference", equalTo("Organization/1"));
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void anAppointmentThatCannotBeAValidResourceIs500() {
        // foundations.md §4 "Incomplete source data": no Location to name, so no valid GPConnect-Appointment-1
        long id = BookingFixtures.practiceAppointment(pool, "3", BookingFixtures.free(pool).start().plusSeconds(17 * 3600), "In-person", null);
        try {
            BookingFixtures.sql(pool, "UPDATE appointment SET location_id = NULL WHERE id = $1", id);
            assertOutcome(read(Long.toString(id)), 500, "INTERNAL_SERVER_ERROR");
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void anotherPracticesBaseDoesNotSeeTheAppointment() {
        String id = booked(booking(BookingFixtures.free(pool))).getIdElement().getIdPart();
        BookingFixtures.sql(pool, "INSERT INTO practice (ods_code, organization_id, gp_connect_enabled, appointments_enabled) VALUES ('R1A14', '2', true, true) ON CONFLICT DO NOTHING");
        try {
            assertOutcome(BookingApi.as(Interaction.APPOINTMENT_READ).when().get(APPOINTMENTS.replace("/B82617/", "/R1A14/") + "/" + id).then(),
                    404, "NO_RECORD_FOUND");
        } finally {
            BookingFixtures.sql(pool, "DELETE FROM practice WHERE ods_code = 'R1A14'");
        }
    }
}
