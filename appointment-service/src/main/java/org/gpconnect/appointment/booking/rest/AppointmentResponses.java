package org.gpconnect.appointment.booking.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.ResponseBuilder;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Date;
import org.gpconnect.appointment.booking.AppointmentEntity;
import org.gpconnect.appointment.booking.StoredAppointment;
import org.gpconnect.appointment.booking.mapping.AppointmentMapper;
import org.gpconnect.appointment.practice.Practice;
import org.gpconnect.common.security.InternalHeaders;

/**
 * The answers that carry one appointment (foundations.md §4, appointment-management.md §4.3, §5 to §7):
 * {@code ETag: W/"<versionId>"} and {@code Last-Modified} always, {@code Location: [base]/Appointment/{id}/_history/{vid}}
 * on create, the Appointment as body unless {@code Prefer: return=minimal} asked for none, and the patient's NHS
 * number in the internal audit header the gateway reads and strips.
 */
@ApplicationScoped
public class AppointmentResponses {

    private final AppointmentMapper mapper;

    public AppointmentResponses(AppointmentMapper mapper) {
        this.mapper = mapper;
    }

    /** 201 Created. @param collection the absolute URL the appointment was posted to ({@code [base]/Appointment}) */
    Response created(Practice practice, StoredAppointment stored, URI collection, boolean minimal) {
        AppointmentEntity appointment = stored.appointment();
        URI location = UriBuilder.fromUri(collection).path(appointment.id.toString())
                .path("_history").path(Integer.toString(appointment.version)).build();
        return withAppointment(Response.status(Response.Status.CREATED).location(location), practice, stored, minimal);
    }

    /** 200 OK. */
    Response ok(Practice practice, StoredAppointment stored, boolean minimal) {
        return withAppointment(Response.ok(), practice, stored, minimal);
    }

    private Response withAppointment(ResponseBuilder response, Practice practice, StoredAppointment stored, boolean minimal) {
        AppointmentEntity appointment = stored.appointment();
        response.tag(new EntityTag(Integer.toString(appointment.version), true))
                .lastModified(Date.from(appointment.lastUpdated))
                // names the patient for the gateway's audit record; the gateway strips it
                .header(InternalHeaders.AUDIT_PATIENT_NHS_NUMBER, stored.patient().nhsNumber);
        if (!minimal) {
            response.entity(mapper.toFhir(appointment, practice));
        }
        return response.build();
    }
}
