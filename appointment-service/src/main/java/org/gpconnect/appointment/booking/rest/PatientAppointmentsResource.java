package org.gpconnect.appointment.booking.rest;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gpconnect.appointment.booking.mapping.AppointmentMapper;
import org.gpconnect.appointment.booking.service.PatientAppointmentsService;
import org.gpconnect.appointment.foundations.mapping.SearchsetBundles;
import org.gpconnect.appointment.practice.PracticeLookup;
import org.gpconnect.common.security.InternalHeaders;

/**
 * {@code GET [base]/Patient/{id}/Appointment?start=ge{date}&start=le{date}}: retrieve a patient's appointments
 * (appointment-management.md §8), as a searchset of GPConnect-Appointment-1. Its own class with the full path:
 * JAX-RS matches the longer literal template before {@code PatientResource}'s {@code .../Patient} (tested).
 */
@Path("/{ods}/STU3/1/gpconnect/fhir/Patient/{id}/Appointment")
public class PatientAppointmentsResource {

    private final PracticeLookup practices;
    private final PatientAppointmentsService appointments;
    private final AppointmentMapper mapper;

    public PatientAppointmentsResource(PracticeLookup practices, PatientAppointmentsService appointments, AppointmentMapper mapper) {
        this.practices = practices;
        this.appointments = appointments;
        this.mapper = mapper;
    }

    @GET
    @Compressed
    public Uni<Response> search(@PathParam("ods") String ods, @PathParam("id") String patientId, @Context UriInfo uri) {
        // the raw, multi-valued query: both start parameters must be seen
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return practices.requireAppointments(ods).chain(practice -> {
            AppointmentSearchPeriod period = AppointmentSearchPeriod.parse(query, LocalDate.now(ZoneId.of(practice.timeZone)));
            return appointments.search(practice, patientId, period.from(), period.to())
                    .map(found -> Response.ok(SearchsetBundles.of(found.appointments().stream()
                                    .map(appointment -> mapper.toFhir(appointment, practice)).toList()))
                            // names the patient for the gateway's audit record; the gateway strips it
                            .header(InternalHeaders.AUDIT_PATIENT_NHS_NUMBER, found.patient().nhsNumber)
                            .build());
        });
    }
}
