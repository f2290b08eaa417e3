package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.APPOINTMENTS;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.json;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gpconnect.appointment.booking.AppointmentTopic.Received;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.security.VerifiedTokenCache;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Appointment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ADR 0016 from the service's side: the gateway may send one token for several requests, without a trace
 * id claim. The service verifies it once (the bearer path goes through the verified-token cache) and takes
 * each request's trace id from its forwarded Ssp-TraceID header, so events still name the right request.
 */
@QuarkusTest
class ReusedTokenTest {

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @Inject
    JWTParser parser;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    @Test
    void bearerTokensAreVerifiedThroughTheCache() {
        assertThat(ClientProxy.unwrap(parser)).isInstanceOf(VerifiedTokenCache.class);
    }

    @Test
    void oneTokenServesTwoBookingsAndEachEventNamesItsOwnTraceId() {
        String token = InternalTokens.reusable(Interaction.APPOINTMENT_CREATE);
        List<TestSlot> slots = BookingFixtures.adjacentFree(pool, BookingFixtures.SCHEDULE, 2);
        String[] traceIds = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            Appointment booked = BookingApi.appointment(RestAssured.given().auth().oauth2(token)
                    .header("Ssp-TraceID", traceIds[i]).contentType(BookingApi.FHIR_JSON)
                    .body(json(booking(slots.get(i)))).when().post(APPOINTMENTS)
                    .then().statusCode(201).extract().asString());
            ids[i] = booked.getIdElement().getIdPart();
        }

        for (int i = 0; i < 2; i++) {
            String id = ids[i];
            List<Received> events = AppointmentTopic.read(r -> id.equals(r.key()), 1, Duration.ofSeconds(60), Duration.ofSeconds(1));
            assertThat(events).singleElement().extracting(r -> r.event().traceId()).isEqualTo(traceIds[i]);
        }
    }
}
