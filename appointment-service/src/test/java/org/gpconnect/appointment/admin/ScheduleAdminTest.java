package org.gpconnect.appointment.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.admin.AdminApi.ROLL;
import static org.gpconnect.appointment.admin.AdminApi.SCHEDULES;
import static org.gpconnect.appointment.admin.AdminApi.admin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The practice's slot templates through the admin API: schedules, rolling windows, sessions (create, read, replace,
 * remove), validation, and that a change takes effect at the next roll without ever deleting a booked slot.
 *
 * <p>Works on schedule 10, a reference-only schedule of the dataset with no sessions and a closed window, opened
 * here 50 to 56 days ahead: far from every window the slot search and booking tests look at.
 */
@QuarkusTest
class ScheduleAdminTest {

    private static final String SCHEDULE = "10";
    private static final String SESSIONS = SCHEDULES + "/" + SCHEDULE + "/sessions";

    @Inject
    Pool pool;

    @BeforeEach
    void openTheWindow() {
        admin().body("{\"firstDayOffset\": 50, \"lastDayOffset\": 52}").when().put(SCHEDULES + "/" + SCHEDULE + "/window")
                .then().statusCode(200)
                .body("firstDayOffset", equalTo(50))
                .body("lastDayOffset", equalTo(52));
    }

    @AfterEach
    void closeTheWindow() {
        FoundationsApi.update(pool, "DELETE FROM slot_session WHERE schedule_id = '" + SCHEDULE + "'");
        FoundationsApi.update(pool, "DELETE FROM slot WHERE schedule_id = '" + SCHEDULE + "'");
        FoundationsApi.update(pool, "UPDATE schedule SET first_day_offset = 1, last_day_offset = 0, sessions_managed = false WHERE id = '"
                + SCHEDULE + "'");
    }

    @Test
    void theSchedulesWithTheirWindowsAndSessions() {
        admin().when().get(SCHEDULES)
                .then().statusCode(200)
                .header("Content-Type", containsString("application/json"))
                .body("id", hasItem("1"))
                .body("find { it.id == '1' }.identifier", equalTo("Schedule001"))
                .body("find { it.id == '1' }.firstDayOffset", equalTo(1))
                .body("find { it.id == '1' }.lastDayOffset", equalTo(9))
                .body("find { it.id == '1' }.sessions.startTime", contains("09:00", "09:40", "14:30"))
                .body("find { it.id == '1' }.sessions[1].slotMinutes", equalTo(10))
                .body("find { it.id == '1' }.sessions[1].gpConnectBookable", equalTo(true))
                .body("find { it.id == '1' }.sessions[2].deliveryChannel", equalTo("Video"))
                .body("find { it.id == '1' }.sessions[0].daysOfWeek.size()", equalTo(7));
        admin().when().get(SCHEDULES + "/2").then().statusCode(200)
                .body("sessions.find { it.startTime == '17:00' }.restrictedToOrganisationOds", equalTo("B82617"));
        admin().when().get(SCHEDULES + "/nope").then().statusCode(404)
                .body("status", equalTo(404))
                .body("message", containsString("no schedule nope"));
    }

    @Test
    void aChangedSessionChangesTheNextRollAndRemovingItKeepsBookedSlots() {
        // create: 09:00-10:00, six 10-minute bookable In-person slots a day
        String location = admin().body(session("09:00", "10:00", 10, "In-person"))
                .when().post(SESSIONS)
                .then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("scheduleId", equalTo(SCHEDULE))
                .body("startTime", equalTo("09:00"))
                .body("version", equalTo(1))
                .extract().header("Location");
        assertThat(location).contains(SESSIONS + "/");
        String sessionPath = location.substring(location.indexOf(SESSIONS));
        long id = Long.parseLong(sessionPath.substring(sessionPath.lastIndexOf('/') + 1));
        admin().when().get(sessionPath).then().statusCode(200).body("id", equalTo((int) id));
        // nothing changes until the slots roll
        assertThat(slots("")).isZero();
        admin().when().post(ROLL).then().statusCode(200).body("created", equalTo(18)).body("withdrawn", equalTo(0));
        assertThat(slots("AND delivery_channel = 'In-person' AND end_at - start_at = interval '10 minutes'")).isEqualTo(18);

        // replace: 15-minute telephone slots; the old free slots are withdrawn at the next roll
        admin().body(session("09:00", "10:00", 15, "Telephone")).header("If-Match", "\"1\"")
                .when().put(sessionPath)
                .then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("slotMinutes", equalTo(15))
                .body("version", equalTo(2));
        admin().when().post(ROLL).then().statusCode(200).body("withdrawn", equalTo(18)).body("created", equalTo(12));
        assertThat(slots("")).isEqualTo(12);
        assertThat(slots("AND delivery_channel = 'Telephone' AND end_at - start_at = interval '15 minutes' AND session_version = 2"))
                .isEqualTo(12);

        // one slot gets booked; then the session is removed
        String booked = FoundationsApi.scalar(pool, "UPDATE slot SET status = 'busy', version = version + 1 WHERE id = "
                + "(SELECT min(id) FROM slot WHERE schedule_id = '" + SCHEDULE + "') RETURNING id");
        admin().when().delete(sessionPath).then().statusCode(204);
        admin().when().get(sessionPath).then().statusCode(404);
        admin().when().post(ROLL).then().statusCode(200).body("withdrawn", equalTo(11)).body("created", equalTo(0));
        // the booked slot is still there, no longer tied to a session
        assertThat(slots("")).isEqualTo(1);
        assertThat(FoundationsApi.scalar(pool, "SELECT id || ':' || status || ':' || coalesce(session_id::text, '-') FROM slot"
                + " WHERE schedule_id = '" + SCHEDULE + "'")).isEqualTo(booked + ":busy:-");
    }

    @Test
    void aSessionRunsOnlyOnItsDays() {
        admin().body("{\"firstDayOffset\": 50, \"lastDayOffset\": 56}").when().put(SCHEDULES + "/" + SCHEDULE + "/window")
                .then().statusCode(200);
        admin().body(session("09:00", "10:00", 30, "In-person").replace("{", "{\"daysOfWeek\": [\"MONDAY\", \"THURSDAY\"], "))
                .when().post(SESSIONS).then().statusCode(201).body("daysOfWeek", contains("MONDAY", "THURSDAY"));
        admin().when().post(ROLL).then().statusCode(200).body("created", equalTo(4));
        assertThat(FoundationsApi.scalar(pool, "SELECT string_agg(DISTINCT extract(isodow FROM start_at AT TIME ZONE 'Europe/London')::text, ',')"
                + " FROM slot WHERE schedule_id = '" + SCHEDULE + "'")).isEqualTo("1,4");
    }

    @Test
    void closingTheWindowWithdrawsItsFreeSlots() {
        admin().body(session("09:00", "10:00", 20, "In-person")).when().post(SESSIONS).then().statusCode(201);
        admin().when().post(ROLL).then().statusCode(200).body("created", equalTo(9));
        admin().body("{\"firstDayOffset\": 50, \"lastDayOffset\": 50}").when().put(SCHEDULES + "/" + SCHEDULE + "/window")
                .then().statusCode(200);
        admin().when().post(ROLL).then().statusCode(200).body("withdrawn", equalTo(6));
        admin().body("{\"firstDayOffset\": 1, \"lastDayOffset\": 0}").when().put(SCHEDULES + "/" + SCHEDULE + "/window")
                .then().statusCode(200);
        admin().when().post(ROLL).then().statusCode(200).body("withdrawn", equalTo(3));
        assertThat(slots("")).isZero();
    }

    @Test
    void overlappingSessionsOfOneScheduleAre409() {
        admin().body(session("09:00", "10:00", 10, "In-person")).when().post(SESSIONS).then().statusCode(201);
        admin().body(session("09:30", "11:00", 10, "In-person")).when().post(SESSIONS)
                .then().statusCode(409).body("status", equalTo(409)).body("message", containsString("overlaps"));
        // adjacent is fine, and so is the same time on other days
        admin().body(session("10:00", "11:00", 10, "In-person")).when().post(SESSIONS).then().statusCode(201);
    }

    @Test
    void aStaleIfMatchIs412AndAMalformedOne400() {
        String path = admin().body(session("09:00", "10:00", 10, "In-person")).when().post(SESSIONS).then().statusCode(201)
                .extract().header("Location");
        String sessionPath = path.substring(path.indexOf(SESSIONS));
        admin().body(session("09:00", "10:00", 20, "In-person")).header("If-Match", "W/\"1\"").when().put(sessionPath).then().statusCode(200);
        admin().body(session("09:00", "10:00", 30, "In-person")).header("If-Match", "\"1\"").when().put(sessionPath)
                .then().statusCode(412).body("message", containsString("read it again"));
        admin().body(session("09:00", "10:00", 30, "In-person")).header("If-Match", "yesterday").when().put(sessionPath)
                .then().statusCode(400);
        admin().body(session("09:00", "10:00", 30, "In-person")).when().put(SESSIONS + "/999999").then().statusCode(404);
        admin().when().delete(SESSIONS + "/999999").then().statusCode(404);
        admin().when().get(SESSIONS + "/abc").then().statusCode(404).body("status", equalTo(404));
        admin().body(session("09:00", "10:00", 30, "In-person")).when().post(SCHEDULES + "/nope/sessions").then().statusCode(404);
    }

    static Stream<Arguments> invalidSessions() {
        return Stream.of(
                Arguments.of("{\"endTime\":\"10:00\",\"slotMinutes\":10,\"gpConnectBookable\":true,\"deliveryChannel\":\"In-person\",\"serviceType\":\"Clinic\"}", "startTime"),
                Arguments.of(session("10:00", "09:00", 10, "In-person"), "endTime"),
                Arguments.of(session("09:00", "09:00", 10, "In-person"), "endTime"),
                Arguments.of(session("09:00", "10:00", 0, "In-person"), "slotMinutes"),
                Arguments.of(session("09:00", "18:00", 481, "In-person"), "slotMinutes"),
                Arguments.of(session("09:00", "10:00", 25, "In-person"), "slotMinutes"),
                Arguments.of(session("09:00", "10:00", 10, "Visit"), "deliveryChannel"),
                Arguments.of(session("09:00", "10:00", 10, "In-person").replace("\"Clinic\"", "\" \""), "serviceType"),
                Arguments.of(session("09:00", "10:00", 10, "In-person").replace("}", ",\"restrictedToOrganisationOds\":\"b82617\"}"),
                        "restrictedToOrganisationOds"),
                Arguments.of(session("09:00", "10:00", 10, "In-person").replace("}", ",\"restrictedToOrganisationType\":\"Urgent Care\"}"),
                        "restrictedToOrganisationType"),
                Arguments.of(session("09:00", "10:00", 10, "In-person").replace("}", ",\"daysOfWeek\":[]}"), "daysOfWeek"),
                Arguments.of(session("09:00", "10:00", 10, "In-person").replace("}", ",\"daysOfWeek\":[\"FUNDAY\"]}"), "daysOfWeek[0]"),
                Arguments.of(session("09:00", "10:00", 10, "In-person").replace("}", ",\"colour\":\"blue\"}"), "colour"),
                Arguments.of(session("25:00", "26:00", 10, "In-person"), "startTime"),
                Arguments.of(session("09:00", "10:00", 10, "In-person").replace("10,", "\"ten\","), "slotMinutes"),
                Arguments.of(session("09:00", "10:00", 10, "In-person").replace("true", "null"), "gpConnectBookable"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidSessions")
    void anInvalidSessionIs400NamingTheField(String body, String field) {
        admin().body(body).when().post(SESSIONS)
                .then().statusCode(400)
                .header("Content-Type", containsString("application/json"))
                .body("status", equalTo(400))
                .body("error", equalTo("Bad Request"))
                .body("violations.field", hasItem(field));
        assertThat(FoundationsApi.scalar(pool, "SELECT count(*) FROM slot_session WHERE schedule_id = '" + SCHEDULE + "'")).isEqualTo("0");
    }

    @Test
    void bodiesThatAreNotJsonAre400() {
        for (String body : new String[]{"", "{", "[1]", "{\"startTime\":\"09:00\"} trailing", "'single'"}) {
            admin().body(body).when().post(SESSIONS).then().statusCode(400).body("status", equalTo(400));
        }
    }

    @Test
    void anInvalidWindowIs400() {
        admin().body("{\"firstDayOffset\": 1, \"lastDayOffset\": 91}").when().put(SCHEDULES + "/" + SCHEDULE + "/window")
                .then().statusCode(400).body("violations[0].field", equalTo("lastDayOffset"));
        admin().body("{\"firstDayOffset\": 5, \"lastDayOffset\": 2}").when().put(SCHEDULES + "/" + SCHEDULE + "/window")
                .then().statusCode(400).body("violations[0].field", equalTo("lastDayOffset"));
        admin().body("{\"firstDayOffset\": -1, \"lastDayOffset\": 2}").when().put(SCHEDULES + "/" + SCHEDULE + "/window")
                .then().statusCode(400).body("violations[0].field", equalTo("firstDayOffset"));
        admin().body("{\"lastDayOffset\": 2}").when().put(SCHEDULES + "/" + SCHEDULE + "/window")
                .then().statusCode(400).body("violations[0].field", equalTo("firstDayOffset"));
    }

    @Test
    void aChangedScheduleIsNoLongerTheSeedDatas() {
        admin().body(session("09:00", "10:00", 10, "In-person")).when().post(SESSIONS).then().statusCode(201);
        assertThat(FoundationsApi.scalar(pool, "SELECT sessions_managed FROM schedule WHERE id = '" + SCHEDULE + "'")).isEqualTo("true");
    }

    @Test
    void rollingAnUnknownPracticeIs404() {
        AdminApi.admin().when().post("/admin/practices/X99999/slots:roll").then().statusCode(404).body("status", equalTo(404));
        AdminApi.admin().when().get("/admin/practices/X99999/schedules").then().statusCode(404);
        AdminApi.admin().when().post(ROLL).then().statusCode(200);
    }

    private long slots(String condition) {
        return Long.parseLong(FoundationsApi.scalar(pool, "SELECT count(*) FROM slot WHERE schedule_id = '" + SCHEDULE + "' " + condition));
    }

    private static String session(String start, String end, int minutes, String channel) {
        return "{\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\",\"slotMinutes\":" + minutes
                + ",\"gpConnectBookable\":true,\"deliveryChannel\":\"" + channel + "\",\"serviceType\":\"Clinic\"}";
    }
}
