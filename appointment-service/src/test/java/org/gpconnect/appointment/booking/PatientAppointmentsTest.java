package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.booked;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.cancel;
import static org.gpconnect.appointment.booking.BookingApi.cancellation;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retrieve a patient's appointments: appointment-management.md §8 (every appointment whose start date is in the
 * range, whatever its status, cancelled included, booking organisation or origin, each a full
 * GPConnect-Appointment-1 in a searchset; exactly two start parameters, ge and le, full dates, not in the past,
 * le not before ge, else 422 INVALID_PARAMETER; an unknown patient 404 PATIENT_NOT_FOUND), §10 (sensitive
 * patients) and testdata appointment_rules "patient_search". Also that {@code /Patient/{id}/Appointment} is routed
 * here while {@code /Patient/{id}} stays the Foundations read.
 */
@QuarkusTest
class PatientAppointmentsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** patient4: booked only by this test class. */
    private static final String PATIENT = "4";

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    static ValidatableResponse search(String patientId, String... starts) {
        var request = BookingApi.as(Interaction.PATIENT_APPOINTMENTS);
        for (String start : starts) {
            request.queryParam("start", start);
        }
        return request.when().get(FoundationsApi.BASE + "/Patient/" + patientId + "/Appointment").then();
    }

    static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    @Test
    void allTheRangesAppointmentsAreReturnedCancelledOnesIncluded() {
        List<TestSlot> slots = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 3);
        Appointment first = booked(booking(PATIENT, slots.subList(0, 1), "16", "1"));
        Appointment second = booked(booking(PATIENT, slots.subList(1, 2), "16", "1"));
        Appointment third = booked(booking(PATIENT, slots.subList(2, 3), "16", "1"));
        cancel(cancellation(second, "double booked"), null).statusCode(200);
        LocalDate day = slots.get(0).start().atZone(LONDON).toLocalDate();

        String body = search(PATIENT, "ge" + day, "le" + day).statusCode(200)
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .header("X-GPC-Audit-NHS-Number", "9690937308")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("meta.profile[0]", equalTo(FoundationsApi.SEARCHSET_PROFILE))
                .body("entry[0].fullUrl", nullValue())
                .extract().asString();
        List<Appointment> found = FoundationsApi.bundle(body).getEntry().stream().map(e -> (Appointment) e.getResource()).toList();

        assertThat(found).extracting(a -> a.getIdElement().getIdPart()).containsExactly(
                first.getIdElement().getIdPart(), second.getIdElement().getIdPart(), third.getIdElement().getIdPart());
        assertThat(found.get(1).getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(found.get(1).getMeta().getVersionId()).isEqualTo("2");
        // each entry is the appointment exactly as a read returns it
        assertThat(found.get(0).equalsDeep(BookingApi.readOk(first.getIdElement().getIdPart()))).isTrue();
        assertThat(found.get(0).getMeta().getProfile().get(0).getValue()).isEqualTo(BookingApi.APPOINTMENT_PROFILE);
    }

    @Test
    void onlyAppointmentsStartingInTheRangeAreReturned() {
        TestSlot early = BookingFixtures.free(pool);
        LocalDate earlyDay = early.start().atZone(LONDON).toLocalDate();
        TestSlot later = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 1,
                "s.start_at >= '" + earlyDay.plusDays(3).atStartOfDay(LONDON).toOffsetDateTime() + "' AND s.service_type = 'General medical practice'"
                        + " AND s.gp_connect_bookable AND s.restricted_org_ods IS NULL AND s.restricted_org_type IS NULL").get(0);
        Appointment inRange = booked(booking(PATIENT, List.of(early), "16", "1"));
        booked(booking(PATIENT, List.of(later), "16", "1"));

        Bundle bundle = FoundationsApi.bundle(search(PATIENT, "ge" + earlyDay, "le" + earlyDay.plusDays(1)).statusCode(200).extract().asString());
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains(inRange.getIdElement().getIdPart());
        assertThat(bundle.getEntry()).allMatch(e -> {
            LocalDate start = ((Appointment) e.getResource()).getStart().toInstant().atZone(LONDON).toLocalDate();
            return !start.isBefore(earlyDay) && !start.isAfter(earlyDay.plusDays(1));
        });
    }

    @Test
    void thePracticeBookedSeedAppointmentsOfPatient2AreListed() {
        Bundle bundle = FoundationsApi.bundle(search("2", "ge" + today(), "le" + today().plusDays(14)).statusCode(200).extract().asString());
        assertThat(bundle.getEntry()).extracting(e -> ((Appointment) e.getResource()).getDescription())
                .contains("A appointment to discuss test data", "A follow-up appointment for tests.");
    }

    @Test
    void todaysAppointmentsAreReturnedEvenWhenTheyHaveStarted() {
        Instant earlierToday = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        if (!earlierToday.atZone(LONDON).toLocalDate().equals(today())) {
            earlierToday = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        long id = BookingFixtures.practiceAppointment(pool, "5", earlierToday, "In-person", null);
        try {
            search("5", "ge" + today(), "le" + today()).statusCode(200).body("entry.resource.id", org.hamcrest.Matchers.hasItem(Long.toString(id)));
        } finally {
            BookingFixtures.deletePracticeAppointment(pool, id);
        }
    }

    @Test
    void patientNoAppointmentsHasAnEmptySearchset() {
        search("20", "ge" + today(), "le" + today().plusDays(60)).statusCode(200)
                .body("type", equalTo("searchset")).body("total", equalTo(0)).body("entry", nullValue());
    }

    @Test
    void anUnknownPatientIs404PatientNotFound() {
        assertOutcome(search("99999", "ge" + today(), "le" + today().plusDays(1)), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void aSensitivePatientIs404PatientNotFound() {
        assertOutcome(search("9", "ge" + today(), "le" + today().plusDays(1)), 404, "PATIENT_NOT_FOUND");
    }

    @ParameterizedTest(name = "start={0} start={1}")
    @CsvSource(nullValues = "NONE", value = {
            "ge+0, NONE",          // one missing
            "le+1, NONE",
            "ge+0, ge+1",          // two of one prefix
            "le+0, le+1",
            "gt+0, le+1",          // other prefixes
            "ge+0, lt+1",
            "eq+0, le+1",
            "ne+0, le+1",
            "sa+0, le+1",
            "+0, le+1",            // no prefix
            "gePARTIAL, le+1",     // partial date
            "ge+0, leDATETIME",    // a dateTime
            "geINVALID, le+1",     // not a calendar date
            "ge+2, le+1",          // le before ge
    })
    void badStartParametersAre422InvalidParameter(String first, String second) {
        String[] starts = second == null ? new String[]{expand(first)} : new String[]{expand(first), expand(second)};
        assertOutcome(search("1", starts), 422, "INVALID_PARAMETER");
    }

    @Test
    void threeStartParametersAre422InvalidParameter() {
        assertOutcome(search("1", "ge" + today(), "le" + today().plusDays(1), "ge" + today().plusDays(2)), 422, "INVALID_PARAMETER");
    }

    @Test
    void noStartParameterIs422InvalidParameter() {
        assertOutcome(search("1"), 422, "INVALID_PARAMETER");
    }

    @Test
    void aRangeStartingInThePastIs422AndSaysWhy() {
        assertOutcome(search("1", "ge" + today().minusDays(1), "le" + today().plusDays(1)), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("past"));
        assertOutcome(search("1", "ge" + today().minusDays(3), "le" + today().minusDays(1)), 422, "INVALID_PARAMETER")
                .body("issue[0].diagnostics", containsString("past"));
    }

    @Test
    void aRangeOfJustTodayAndAWideRangeAreAccepted() {
        search("1", "ge" + today(), "le" + today()).statusCode(200);
        search("1", "le" + today().plusDays(400), "ge" + today()).statusCode(200); // order does not matter, no maximum window
    }

    @Test
    void thePatientReadIsStillFoundationsRead() {
        // /Patient/{id} and /Patient/{id}/Appointment live in two resource classes
        FoundationsApi.as(Interaction.PATIENT_READ).when().get(FoundationsApi.BASE + "/Patient/1")
                .then().statusCode(200).body("resourceType", equalTo("Patient"));
    }

    /** "ge+1" is ge and tomorrow; the words stand for malformed dates. */
    private static String expand(String bound) {
        String prefix = bound.startsWith("+") ? "" : bound.substring(0, 2);
        String rest = bound.substring(prefix.length());
        return prefix + switch (rest) {
            case "PARTIAL" -> today().getYear() + 1 + "-01";
            case "DATETIME" -> today().plusDays(1) + "T10:00:00+00:00";
            case "INVALID" -> (today().getYear() + 1) + "-02-30";
            default -> today().plusDays(Integer.parseInt(rest.substring(1))).toString();
        };
    }
}
