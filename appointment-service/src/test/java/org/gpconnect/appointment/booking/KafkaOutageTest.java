package org.gpconnect.appointment.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.booking.BookingApi.amend;
import static org.gpconnect.appointment.booking.BookingApi.booked;
import static org.gpconnect.appointment.booking.BookingApi.booking;
import static org.gpconnect.appointment.booking.BookingApi.cancel;
import static org.gpconnect.appointment.booking.BookingApi.cancellation;
import static org.gpconnect.appointment.booking.BookingApi.etag;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.gpconnect.appointment.booking.AppointmentTopic.Received;
import org.gpconnect.appointment.slot.service.SlotRoller;
import org.gpconnect.testsupport.KafkaResource;
import org.hl7.fhir.dstu3.model.Appointment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka going away never stops the appointment book and loses nothing (ADR 0004, the transactional outbox):
 * with the broker stopped, bookings, amendments and cancellations succeed and their events wait in the outbox;
 * once it is back, each (appointment, version) reaches {@code gpconnect.appointments.v1} exactly once, keyed by the
 * appointment id, and the events of one appointment arrive in version order.
 */
@QuarkusTest
class KafkaOutageTest {

    @Inject
    Pool pool;

    @Inject
    SlotRoller roller;

    @BeforeEach
    void slots() {
        BookingFixtures.ensure(pool, roller);
    }

    @Test
    void changesMadeWhileKafkaIsDownArePublishedExactlyOnceInOrderWhenItReturns() throws Exception {
        Map<String, Integer> lastVersion = new LinkedHashMap<>();
        KafkaResource.broker().stopBroker();
        try {
            for (int i = 0; i < 8; i++) {
                Appointment appointment = booked(booking(BookingFixtures.free(pool)));
                String id = appointment.getIdElement().getIdPart();
                lastVersion.put(id, 1);
                if (i % 2 == 0) { // amended twice
                    for (int change = 1; change <= 2; change++) {
                        appointment.setDescription("amended while Kafka is down " + change);
                        appointment = BookingApi.appointment(amend(appointment, etag(appointment)).statusCode(200).extract().asString());
                    }
                    lastVersion.put(id, 3);
                }
                if (i % 3 == 0) { // then cancelled
                    cancel(cancellation(appointment, "Kafka outage test"), etag(appointment)).statusCode(200);
                    lastVersion.merge(id, 1, Integer::sum);
                }
            }
            int expected = lastVersion.values().stream().mapToInt(Integer::intValue).sum();
            // all of it is waiting in the outbox
            assertThat(BookingFixtures.number(pool, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_key = ANY($1)",
                    (Object) lastVersion.keySet().toArray(String[]::new))).isEqualTo(expected);
        } finally {
            KafkaResource.broker().startBroker();
        }

        int expected = lastVersion.values().stream().mapToInt(Integer::intValue).sum();
        List<Received> events = AppointmentTopic.read(r -> lastVersion.containsKey(r.key()), expected,
                Duration.ofSeconds(120), Duration.ofSeconds(3));

        Map<String, List<Integer>> versionsByKey = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Received received : events) {
            assertThat(received.key()).isEqualTo(received.event().appointmentId());
            String pair = received.key() + "@" + received.event().appointmentVersion();
            if (!seen.add(pair)) {
                duplicates.add(pair);
            }
            versionsByKey.computeIfAbsent(received.key(), k -> new ArrayList<>()).add(received.event().appointmentVersion());
        }
        assertThat(duplicates).as("each (appointment, version) once").isEmpty();
        assertThat(events).hasSize(expected);
        for (Map.Entry<String, Integer> appointment : lastVersion.entrySet()) {
            List<Integer> inOrder = java.util.stream.IntStream.rangeClosed(1, appointment.getValue()).boxed().collect(Collectors.toList());
            assertThat(versionsByKey.get(appointment.getKey())).as("versions of Appointment/" + appointment.getKey() + " in order")
                    .containsExactlyElementsOf(inOrder);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(BookingFixtures.number(pool,
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_key = ANY($1)",
                (Object) lastVersion.keySet().toArray(String[]::new))).isZero());
    }
}
