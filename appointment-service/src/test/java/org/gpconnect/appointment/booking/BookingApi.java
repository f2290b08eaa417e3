package org.gpconnect.appointment.booking;

import static io.restassured.RestAssured.given;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.Appointment.ParticipationStatus;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * What the appointment tests share: requests as the gateway forwards them (a valid internal token for the
 * interaction), booking bodies as the test pack builds them (testdata/schedules_and_slots.yaml appointment_rules
 * "create": status booked, start/end from the slots, Patient and Location participants, description, created,
 * the booking Organization contained as #1), and HAPI parsing.
 */
public final class BookingApi {

    public static final String APPOINTMENTS = FoundationsApi.BASE + "/Appointment";
    public static final String SD = FoundationsApi.SD;
    public static final String APPOINTMENT_PROFILE = SD + "GPConnect-Appointment-1";
    public static final String BOOKING_ORGANISATION = SD + "Extension-GPConnect-BookingOrganisation-1";
    public static final String CANCELLATION_REASON = SD + "Extension-GPConnect-AppointmentCancellationReason-1";
    public static final String DELIVERY_CHANNEL = SD + "Extension-GPConnect-DeliveryChannel-2";
    public static final String PRACTITIONER_ROLE = SD + "Extension-GPConnect-PractitionerRole-1";
    public static final String ORG_TYPE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
    public static final String FHIR_JSON = "application/fhir+json;charset=utf-8";
    public static final TimeZone LONDON = TimeZone.getTimeZone("Europe/London");
    /** patient1, who is neither sensitive nor patientNoAppointments (never booked: testdata README). */
    public static final String PATIENT = "1";
    public static final String PATIENT_NHS_NUMBER = "9690937278";
    public static final String BOOKING_ODS = "A20047";

    private static final FhirContext FHIR = FhirContext.forDstu3Cached();
    private static final ObjectMapper JSON = new ObjectMapper();

    private BookingApi() {
    }

    // ------------------------------------------------------------------ bodies

    /** A valid booking of these (adjacent) slots of {@link BookingFixtures#SCHEDULE} for patient1. */
    public static Appointment booking(List<TestSlot> slots) {
        return booking(PATIENT, slots, "16", "1");
    }

    public static Appointment booking(TestSlot slot) {
        return booking(List.of(slot));
    }

    /** @param practitionerId null for no Practitioner participant */
    public static Appointment booking(String patientId, List<TestSlot> slots, String locationId, String practitionerId) {
        Appointment appointment = new Appointment();
        appointment.getMeta().addProfile(APPOINTMENT_PROFILE);
        Organization organization = new Organization();
        organization.setId("1");
        organization.getMeta().addProfile(SD + "CareConnect-GPC-Organization-1");
        organization.addIdentifier().setSystem(FoundationsApi.ODS_ORGANIZATION_CODE).setValue(BOOKING_ODS);
        organization.setName("Test Urgent Care Service");
        organization.addTelecom().setSystem(ContactPointSystem.PHONE).setValue("0113 496 0000");
        appointment.addContained(organization);
        appointment.addExtension(new Extension(BOOKING_ORGANISATION, new Reference("#1")));
        appointment.setStatus(AppointmentStatus.BOOKED);
        appointment.setDescription("Review of test results");
        appointment.setStartElement(instant(slots.get(0).start()));
        appointment.setEndElement(instant(slots.get(slots.size() - 1).end()));
        slots.forEach(slot -> appointment.addSlot(new Reference(slot.reference())));
        appointment.setCreatedElement(new DateTimeType(Date.from(Instant.now()), TemporalPrecisionEnum.SECOND, LONDON));
        participant(appointment, "Patient/" + patientId);
        participant(appointment, "Location/" + locationId);
        if (practitionerId != null) {
            participant(appointment, "Practitioner/" + practitionerId);
        }
        return appointment;
    }

    public static Organization bookingOrganization(Appointment appointment) {
        return (Organization) appointment.getContained().get(0);
    }

    public static InstantType instant(Instant value) {
        return new InstantType(Date.from(value), TemporalPrecisionEnum.SECOND, LONDON);
    }

    private static void participant(Appointment appointment, String reference) {
        appointment.addParticipant().setActor(new Reference(reference)).setStatus(ParticipationStatus.ACCEPTED);
    }

    public static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    public static Appointment appointment(String json) {
        return FHIR.newJsonParser().parseResource(Appointment.class, json);
    }

    // ------------------------------------------------------------------ requests

    public static RequestSpecification as(Interaction interaction) {
        return given().auth().oauth2(InternalTokens.forInteraction(interaction));
    }

    public static ValidatableResponse book(String body) {
        return as(Interaction.APPOINTMENT_CREATE).contentType(FHIR_JSON).body(body).when().post(APPOINTMENTS).then();
    }

    public static ValidatableResponse book(Appointment body) {
        return book(json(body));
    }

    /** Books and returns the Appointment of the 201 answer. */
    public static Appointment booked(Appointment body) {
        return appointment(book(body).statusCode(201).extract().asString());
    }

    public static ValidatableResponse read(String id) {
        return as(Interaction.APPOINTMENT_READ).when().get(APPOINTMENTS + "/" + id).then();
    }

    public static Appointment readOk(String id) {
        return appointment(read(id).statusCode(200).extract().asString());
    }

    /** An amend (or cancel) PUT with an optional If-Match. */
    public static ValidatableResponse put(Interaction interaction, String id, String body, String ifMatch) {
        RequestSpecification request = as(interaction).contentType(FHIR_JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(APPOINTMENTS + "/" + id).then();
    }

    public static ValidatableResponse amend(Appointment body, String ifMatch) {
        return put(Interaction.APPOINTMENT_AMEND, body.getIdElement().getIdPart(), json(body), ifMatch);
    }

    public static ValidatableResponse cancel(Appointment body, String ifMatch) {
        return put(Interaction.APPOINTMENT_CANCEL, body.getIdElement().getIdPart(), json(body), ifMatch);
    }

    /** The appointment as read, made into a cancellation with this reason. */
    public static Appointment cancellation(Appointment read, String reason) {
        Appointment cancelled = read.copy();
        cancelled.setStatus(AppointmentStatus.CANCELLED);
        cancelled.addExtension(new Extension(CANCELLATION_REASON, new org.hl7.fhir.dstu3.model.StringType(reason)));
        return cancelled;
    }

    public static String etag(Appointment appointment) {
        return "W/\"" + appointment.getMeta().getVersionId() + "\"";
    }

    /** The trace id the gateway put in an internal token (the token's claims are readable, only the signature is secret). */
    public static String traceIdOf(String token) {
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
            return claims.get("gpc_trace_id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
