package org.gpconnect.common.event;

import java.time.Instant;
import java.util.List;

/**
 * A change to an appointment, version 1 of the payload of Kafka topic {@value #TOPIC} (key: the
 * appointment id, so the events of one appointment stay in order). Written to the appointment-service's
 * outbox in the same transaction as the change. At-least-once: consumers de-duplicate by
 * (appointmentId, appointmentVersion). Documented in docs/asyncapi.yaml.
 *
 * @param eventId              unique id of this event
 * @param kind                 what happened
 * @param occurredAt           when the change was committed
 * @param appointmentId        the Appointment's logical id
 * @param appointmentVersion   its version after the change (meta.versionId)
 * @param practiceOds          the practice whose appointment book changed
 * @param slotIds              the slots the appointment occupies (or, when cancelled, released)
 * @param start                appointment start
 * @param end                  appointment end
 * @param status               appointment status after the change (booked, cancelled)
 * @param patientNhsNumber     the patient's NHS number
 * @param bookingOrganization  the organisation that booked it (from the contained Organization)
 * @param traceId              Ssp-TraceID of the request that made the change, if it came through GP Connect
 * @param interactionId        the GP Connect interaction that made the change, if any
 */
public record AppointmentEventV1(
        String eventId,
        Kind kind,
        Instant occurredAt,
        String appointmentId,
        int appointmentVersion,
        String practiceOds,
        List<String> slotIds,
        Instant start,
        Instant end,
        String status,
        String patientNhsNumber,
        BookingOrganization bookingOrganization,
        String traceId,
        String interactionId) {

    public static final String TOPIC = "gpconnect.appointments.v1";

    /** What happened to the appointment. */
    public enum Kind {
        BOOKED, AMENDED, CANCELLED;

        /** The outbox/Kafka header value of this kind. */
        public String eventType() {
            return "gpconnect.appointment." + name().toLowerCase() + ".v1";
        }
    }

    /** The booking organisation as the consumer gave it. */
    public record BookingOrganization(String odsCode, String name, String telecom) {
    }
}
