package org.gpconnect.appointment.booking.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.gpconnect.appointment.booking.NewAppointment;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;

/** The body-only rules of a booking (appointment-management.md §4.1, §4.4), without a server. */
class BookingRequestReaderTest {

    @Test
    void aValidBookingIsReadIntoWhatItAsksFor() {
        Appointment body = Appointments.booking();
        body.addParticipant().setActor(new Reference("Practitioner/1")).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        body.setComment("A comment");
        body.addIdentifier().setSystem("https://example.org/ids").setValue("abc");
        ((Organization) body.getContained().get(0)).addType().addCoding().setSystem(FhirProfiles.CS_ORGANISATION_TYPE).setCode("urgent-care");

        NewAppointment request = BookingRequestReader.read(body);

        assertThat(request.patientId()).isEqualTo("1");
        assertThat(request.locationId()).isEqualTo("16");
        assertThat(request.practitionerId()).isEqualTo("1");
        assertThat(request.slotIds()).containsExactly(10L);
        assertThat(request.start()).isEqualTo(Appointments.START);
        assertThat(request.end()).isEqualTo(Appointments.END);
        assertThat(request.comment()).isEqualTo("A comment");
        assertThat(request.identifiers()).containsExactly(new NewAppointment.BusinessIdentifier("https://example.org/ids", "abc"));
        assertThat(request.bookingOrganisation().odsCode()).isEqualTo("A20047");
        assertThat(request.bookingOrganisation().name()).isEqualTo("Urgent care");
        assertThat(request.bookingOrganisation().telecom()).isEqualTo("0113 496 0000");
        assertThat(request.bookingOrganisation().type()).isEqualTo("urgent-care");
        // stored without its local id; the response numbers it #1
        assertThat(request.bookingOrganisation().resource()).startsWith("{\"resourceType\":\"Organization\",\"identifier\"");
    }

    @Test
    void thePractitionerIsOptional() {
        assertThat(BookingRequestReader.read(Appointments.booking()).practitionerId()).isNull();
    }

    @Test
    void eachMissingPieceIsInvalidResource() {
        refused(a -> a.setDescription(null), "description");
        refused(a -> a.getParticipant().remove(0), "Patient");
        refused(a -> a.getParticipant().remove(1), "Location");
        refused(a -> a.getSlot().clear(), "slot");
        refused(a -> a.setStatus(null), "status");
        refused(a -> ((Organization) a.getContained().get(0)).setName(null), "name");
        refused(a -> ((Organization) a.getContained().get(0)).getTelecom().clear(), "telecom");
    }

    @Test
    void referencesMustBeRelative() {
        refused(a -> a.getParticipantFirstRep().getActor().setReference("http://x/Patient/1"), "relative");
        refused(a -> a.getExtension().get(0).setValue(new Reference("Organization/1")), "contained");
        refused(a -> a.getSlotFirstRep().setReference("http://x/Slot/10"), "Slot/");
    }

    @Test
    void forbiddenElementsAreNamed() {
        refused(a -> {
            a.addReason(new CodeableConcept().setText("r"));
            a.addSpecialty(new CodeableConcept().setText("s"));
        }, "reason, specialty");
    }

    @Test
    void textsHaveTheirLimitsInCharactersNotBytes() {
        Appointment body = Appointments.booking();
        body.setDescription("é".repeat(100));
        body.setComment("€".repeat(500));
        assertThat(BookingRequestReader.read(body).description()).hasSize(100);
        refused(a -> a.setDescription("é".repeat(101)), "100");
    }

    private static void refused(Consumer<Appointment> change, String diagnosticsMention) {
        Appointment body = Appointments.booking();
        change.accept(body);
        assertThatThrownBy(() -> BookingRequestReader.read(body))
                .isInstanceOfSatisfying(GpConnectException.class, e -> {
                    assertThat(e.spineCode()).isEqualTo(SpineCode.INVALID_RESOURCE);
                    assertThat(e.diagnostics()).contains(diagnosticsMention);
                });
    }
}
