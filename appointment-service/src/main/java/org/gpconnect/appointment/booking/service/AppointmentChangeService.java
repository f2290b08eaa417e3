package org.gpconnect.appointment.booking.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.booking.StoredAppointment;
import org.gpconnect.appointment.booking.mapping.AppointmentMapper;
import org.gpconnect.appointment.booking.validation.AmendmentValidator;
import org.gpconnect.appointment.booking.validation.AmendmentValidator.Amendment;
import org.gpconnect.appointment.booking.validation.CancellationValidator;
import org.gpconnect.appointment.booking.validation.ChangeableAppointment;
import org.gpconnect.appointment.booking.validation.IfMatch;
import org.gpconnect.appointment.practice.Practice;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.event.AppointmentEventV1.Kind;
import org.hl7.fhir.dstu3.model.Appointment;

/**
 * Amend (appointment-management.md §6) or cancel (§7) an appointment: both are {@code PUT /Appointment/{id}}
 * with the whole appointment, told apart only by the interaction. The checks, in order: the body names an
 * appointment (400), which exists (404) and whose patient is served (404), If-Match names its current version
 * (409), the body is that appointment (422), which can still be changed (422), and the body changes only what
 * the interaction may change ({@link AmendmentValidator}, {@link CancellationValidator}). The change is then
 * written by {@link ChangeTransaction} only onto the version it was checked against.
 */
@ApplicationScoped
public class AppointmentChangeService {

    private final AppointmentReadService reads;
    private final AppointmentMapper mapper;
    private final ChangeTransaction transaction;

    public AppointmentChangeService(AppointmentReadService reads, AppointmentMapper mapper, ChangeTransaction transaction) {
        this.reads = reads;
        this.mapper = mapper;
        this.transaction = transaction;
    }

    /**
     * @param change  {@link Kind#AMENDED} or {@link Kind#CANCELLED}
     * @param ifMatch the If-Match header, or null
     * @return the appointment as changed (its new version)
     */
    public Uni<StoredAppointment> change(Practice practice, String id, Appointment body, String ifMatch, Kind change,
                                         ChangeAuthor author) {
        if (!body.hasIdElement() || body.getIdElement().getIdPart() == null) {
            throw GpConnectException.badRequest("The Appointment sent to update Appointment/" + id + " has no id");
        }
        return reads.find(practice, id).chain(stored -> {
            AppointmentEntity appointment = stored.appointment();
            IfMatch.check(ifMatch, appointment.version);
            if (!id.equals(body.getIdElement().getIdPart())) {
                throw GpConnectException.invalidResource("The Appointment's id " + body.getIdElement().getIdPart()
                        + " is not the id in the URL, " + id);
            }
            Instant now = Now.instant();
            ChangeableAppointment.check(appointment, now);
            Appointment current = mapper.asReceived(appointment, practice);
            int fromVersion = appointment.version;
            appointment.version = fromVersion + 1;
            appointment.lastUpdated = now;
            String nhsNumber = stored.patient().nhsNumber;
            Uni<Void> written;
            if (change == Kind.AMENDED) {
                Amendment amendment = AmendmentValidator.check(body, current);
                appointment.description = amendment.description();
                appointment.comment = amendment.comment();
                written = transaction.amend(appointment, fromVersion, nhsNumber, author);
            } else {
                appointment.cancellationReason = CancellationValidator.check(body, current);
                appointment.status = "cancelled";
                written = transaction.cancel(appointment, fromVersion, nhsNumber, author);
            }
            return written.replaceWith(stored);
        });
    }
}
