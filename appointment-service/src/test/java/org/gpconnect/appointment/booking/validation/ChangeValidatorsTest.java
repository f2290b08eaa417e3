package org.gpconnect.appointment.booking.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.foundations.mapping.FhirProfiles;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * Amend and cancel rules without a server (appointment-management.md §6, §7): {@link AmendmentValidator},
 * {@link CancellationValidator} (and its order of checks), {@link UnchangedElements}, {@link IfMatch} and
 * {@link ChangeableAppointment}.
 */
class ChangeValidatorsTest {

    @Test
    void anAmendmentMayChangeDescriptionAndCommentOnly() {
        Appointment submitted = Appointments.stored();
        submitted.setDescription("new");
        submitted.setComment("added");
        AmendmentValidator.Amendment amendment = AmendmentValidator.check(submitted, Appointments.stored());
        assertThat(amendment.description()).isEqualTo("new");
        assertThat(amendment.comment()).isEqualTo("added");

        Appointment moved = Appointments.stored();
        moved.getSlotFirstRep().setReference("Slot/11");
        moved.addParticipant().setActor(new Reference("Practitioner/2")).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        assertThatThrownBy(() -> AmendmentValidator.check(moved, Appointments.stored()))
                .isInstanceOfSatisfying(GpConnectException.class, e -> {
                    assertThat(e.spineCode()).isEqualTo(SpineCode.INVALID_RESOURCE);
                    assertThat(e.diagnostics()).contains("slot").contains("participant");
                });
    }

    @Test
    void theVersionMetadataAndIdAreNotChanges() {
        Appointment submitted = Appointments.stored();
        submitted.getMeta().setVersionId("99").setLastUpdated(new java.util.Date());
        submitted.setId("Appointment/7/_history/99");
        assertThat(UnchangedElements.differences(Appointments.stored(), submitted)).isEmpty();
        // the same instant written in another offset is the same value
        submitted.getStartElement().setTimeZone(java.util.TimeZone.getTimeZone("Europe/Paris"));
        assertThat(UnchangedElements.differences(Appointments.stored(), submitted)).isEmpty();
    }

    @Test
    void aCancellationReasonHasNoPlaceInAnAmendment() {
        Appointment submitted = Appointments.stored();
        submitted.addExtension(new Extension(FhirProfiles.EXT_CANCELLATION_REASON, new StringType("why")));
        assertThatThrownBy(() -> AmendmentValidator.check(submitted, Appointments.stored())).hasMessageContaining("cancel");
    }

    @Test
    void aCancellationSetsStatusAndReasonOnly() {
        Appointment submitted = cancellation("double booked");
        assertThat(CancellationValidator.check(submitted, Appointments.stored())).isEqualTo("double booked");

        Appointment alsoCommented = cancellation("double booked");
        alsoCommented.setComment("RANDOM COMMENT");
        cancelRefused(alsoCommented, SpineCode.INVALID_RESOURCE);
    }

    @Test
    void cancellationChecksInTheSpecsOrder() {
        // 1. an extension of a wrong URL, even holding the reason, is INVALID_RESOURCE...
        Appointment wrongUrl = Appointments.stored();
        wrongUrl.setStatus(AppointmentStatus.CANCELLED);
        wrongUrl.addExtension(new Extension("http://fhir.nhs.uk/StructuraeDefinition/cancellation-reason", new StringType("Too busy")));
        cancelRefused(wrongUrl, SpineCode.INVALID_RESOURCE);
        // 2. ...then a missing or blank reason is INVALID_PARAMETER, even with the status not cancelled...
        Appointment noReason = Appointments.stored();
        cancelRefused(noReason, SpineCode.INVALID_PARAMETER);
        cancelRefused(cancellation("  "), SpineCode.INVALID_PARAMETER);
        Appointment emptyValue = Appointments.stored();
        emptyValue.setStatus(AppointmentStatus.CANCELLED);
        emptyValue.addExtension(new Extension(FhirProfiles.EXT_CANCELLATION_REASON));
        cancelRefused(emptyValue, SpineCode.INVALID_PARAMETER);
        // 3. ...then a reason of the wrong type, another status or another change is INVALID_RESOURCE
        Appointment coded = Appointments.stored();
        coded.setStatus(AppointmentStatus.CANCELLED);
        coded.addExtension(new Extension(FhirProfiles.EXT_CANCELLATION_REASON, new CodeType("busy")));
        cancelRefused(coded, SpineCode.INVALID_RESOURCE);
        Appointment stillBooked = cancellation("why");
        stillBooked.setStatus(AppointmentStatus.BOOKED);
        cancelRefused(stillBooked, SpineCode.INVALID_RESOURCE);
    }

    @Test
    void ifMatch() {
        assertThatCode(() -> IfMatch.check(null, 3)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.check("W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.check("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.check("*", 3)).doesNotThrowAnyException();
        for (String stale : new String[]{"W/\"2\"", "invalidEtag", "W/3", "W/\"\"", "W/\"3\", W/\"4\"", "W/\"99999999999\""}) {
            assertThatThrownBy(() -> IfMatch.check(stale, 3)).as(stale)
                    .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.spineCode()).isEqualTo(SpineCode.FHIR_CONSTRAINT_VIOLATION));
        }
    }

    @Test
    void onlyFutureBookedNonVisitAppointmentsChange() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        assertThatCode(() -> ChangeableAppointment.check(entity("booked", now.plusSeconds(60), "Video"), now)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ChangeableAppointment.check(entity("cancelled", now.plusSeconds(60), "Video"), now)).hasMessageContaining("cancelled");
        assertThatThrownBy(() -> ChangeableAppointment.check(entity("booked", now, "Video"), now)).hasMessageContaining("past");
        assertThatThrownBy(() -> ChangeableAppointment.check(entity("booked", now.plusSeconds(60), "Visit"), now)).hasMessageContaining("visit");
    }

    private static AppointmentEntity entity(String status, Instant start, String channel) {
        AppointmentEntity entity = new AppointmentEntity();
        entity.id = 7L;
        entity.status = status;
        entity.start = start;
        entity.deliveryChannel = channel;
        return entity;
    }

    private static Appointment cancellation(String reason) {
        Appointment appointment = Appointments.stored();
        appointment.setStatus(AppointmentStatus.CANCELLED);
        appointment.addExtension(new Extension(FhirProfiles.EXT_CANCELLATION_REASON, new StringType(reason)));
        return appointment;
    }

    private static void cancelRefused(Appointment submitted, SpineCode code) {
        assertThatThrownBy(() -> CancellationValidator.check(submitted, Appointments.stored()))
                .isInstanceOfSatisfying(GpConnectException.class, e -> assertThat(e.spineCode()).isEqualTo(code));
    }
}
