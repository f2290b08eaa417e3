package org.gpconnect.appointment.booking.rest;

import io.quarkus.vertx.http.Compressed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.booking.service.AppointmentChangeService;
import org.gpconnect.appointment.booking.service.AppointmentReadService;
import org.gpconnect.appointment.booking.service.BookingService;
import org.gpconnect.appointment.practice.PracticeLookup;
import org.gpconnect.common.event.AppointmentEventV1.Kind;
import org.gpconnect.common.security.GpConnectRequestContext;
import org.gpconnect.common.security.RequestContexts;
import org.hl7.fhir.dstu3.model.Appointment;

/**
 * {@code POST [base]/Appointment} (book, appointment-management.md §4), {@code GET [base]/Appointment/{id}}
 * (read, §5) and {@code PUT [base]/Appointment/{id}} (amend §6 or cancel §7, told apart by the interaction ID
 * only). The body is the strictly parsed Appointment (gpconnect-common's reader: unknown elements and the wrong
 * resource type are 422 INVALID_RESOURCE, malformed bodies 400). Who asked, for provenance and events, is read
 * from the request context the gateway validated, before the work leaves the request.
 */
@Path("/{ods}/STU3/1/gpconnect/fhir/Appointment")
public class AppointmentResource {

    private final PracticeLookup practices;
    private final BookingService booking;
    private final AppointmentReadService reads;
    private final AppointmentChangeService changes;
    private final AppointmentResponses responses;
    private final RequestContexts requests;

    public AppointmentResource(PracticeLookup practices, BookingService booking, AppointmentReadService reads,
                               AppointmentChangeService changes, AppointmentResponses responses, RequestContexts requests) {
        this.practices = practices;
        this.booking = booking;
        this.reads = reads;
        this.changes = changes;
        this.responses = responses;
        this.requests = requests;
    }

    @POST
    public Uni<Response> book(@PathParam("ods") String ods, Appointment body, @HeaderParam("Prefer") String prefer,
                              @Context UriInfo uri) {
        ChangeAuthor author = ChangeAuthor.of(requests.current());
        URI collection = uri.getAbsolutePath();
        boolean minimal = PreferHeader.returnMinimal(prefer);
        return practices.requireAppointments(ods).chain(practice -> booking.book(practice, body, author)
                .map(stored -> responses.created(practice, stored, collection, minimal)));
    }

    @GET
    @Path("/{id}")
    @Compressed
    public Uni<Response> read(@PathParam("ods") String ods, @PathParam("id") String id) {
        return practices.requireAppointments(ods).chain(practice -> reads.read(practice, id)
                .map(stored -> responses.ok(practice, stored, false)));
    }

    @PUT
    @Path("/{id}")
    public Uni<Response> update(@PathParam("ods") String ods, @PathParam("id") String id, Appointment body,
                                @HeaderParam("If-Match") String ifMatch, @HeaderParam("Prefer") String prefer) {
        GpConnectRequestContext request = requests.current();
        Kind change = UpdateInteraction.of(request.interactionId());
        ChangeAuthor author = ChangeAuthor.of(request);
        boolean minimal = PreferHeader.returnMinimal(prefer);
        return practices.requireAppointments(ods).chain(practice -> changes.change(practice, id, body, ifMatch, change, author)
                .map(stored -> responses.ok(practice, stored, minimal)));
    }
}
