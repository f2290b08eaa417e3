package org.gpconnect.appointment.admin;

import static org.gpconnect.appointment.admin.AdminApi.APPOINTMENTS;
import static org.gpconnect.appointment.admin.AdminApi.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gpconnect.appointment.booking.BookingApi;
import org.gpconnect.appointment.booking.BookingFixtures;
import org.gpconnect.appointment.booking.TestSlot;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.hl7.fhir.dstu3.model.Appointment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The practice's appointment book through the admin API: every origin, with patient and booking organisation. */
@QuarkusTest
class BookedAppointmentsAdminTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @Test
    void theDatasetsPracticeBookedAppointmentsAreListed() {
        LocalDate today = LocalDate.now(LONDON);
        // the two seed appointments of patient2 (origin practice, booked by COXWOLD Surgery)
        admin().queryParam("from", today.toString()).queryParam("to", today.plusDays(10).toString())
                .when().get(APPOINTMENTS)
                .then().statusCode(200)
                .body("findAll { it.origin == 'practice' && it.patient.nhsNumber == '9690937286' }.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("find { it.origin == 'practice' }.bookingOrganisation.odsCode", equalTo("B82617"))
                .body("find { it.origin == 'practice' }.bookingOrganisation.name", equalTo("COXWOLD Surgery"))
                .body("find { it.origin == 'practice' }.patient.familyName", equalTo("SKELLY"))
                .body("status", everyItem(equalTo("booked")));
    }

    @Test
    void aGpConnectBookingIsListedWithItsBookingOrganisationAndCancellationsOnRequest() {
        BookingFixtures.ensure(pool, roller);
        TestSlot slot = BookingFixtures.free(pool);
        Appointment booked = BookingApi.booked(BookingApi.booking(slot));
        String id = booked.getIdElement().getIdPart();
        LocalDate day = slot.start().atZone(LONDON).toLocalDate();
        admin().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get(APPOINTMENTS)
                .then().statusCode(200)
                .body("find { it.id == " + id + " }.origin", equalTo("gp-connect"))
                .body("find { it.id == " + id + " }.bookingOrganisation.odsCode", equalTo(BookingApi.BOOKING_ODS))
                .body("find { it.id == " + id + " }.bookingOrganisation.name", equalTo("Test Urgent Care Service"))
                .body("find { it.id == " + id + " }.slotIds", equalTo(List.of((int) slot.id())))
                .body("find { it.id == " + id + " }.description", equalTo("Review of test results"));

        BookingApi.cancel(BookingApi.cancellation(BookingApi.readOk(id), "Patient unwell"), null).statusCode(200);
        admin().queryParam("from", day.toString()).queryParam("to", day.toString())
                .when().get(APPOINTMENTS).then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(Integer.parseInt(id))));
        admin().queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("status", "cancelled")
                .when().get(APPOINTMENTS).then().statusCode(200)
                .body("find { it.id == " + id + " }.cancellationReason", equalTo("Patient unwell"));
        admin().queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("status", "all")
                .when().get(APPOINTMENTS).then().statusCode(200).body("id", hasItem(Integer.parseInt(id)));
    }

    @ParameterizedTest
    @CsvSource({
            "'',          2026-01-02, booked, from",
            "2026-01-02,  '',         booked, to",
            "2026-13-01,  2026-01-02, booked, from",
            "2026-01-02,  2026-01-01, booked, to",
            "2026-01-01,  2026-04-03, booked, to",
            "2026-01-01,  2026-01-02, pending, status"
    })
    void badParametersAre400(String from, String to, String status, String field) {
        admin().queryParam("from", from).queryParam("to", to).queryParam("status", status)
                .when().get(APPOINTMENTS)
                .then().statusCode(400)
                .body("violations[0].field", equalTo(field));
    }
}
