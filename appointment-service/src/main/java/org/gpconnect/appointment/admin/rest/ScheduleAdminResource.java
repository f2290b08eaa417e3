package org.gpconnect.appointment.admin.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.gpconnect.appointment.admin.AdminProblem;
import org.gpconnect.appointment.admin.RollingWindow;
import org.gpconnect.appointment.admin.ScheduleView;
import org.gpconnect.appointment.admin.SessionTemplate;
import org.gpconnect.appointment.admin.SessionView;
import org.gpconnect.appointment.admin.service.ScheduleAdminService;

/**
 * The practice's schedules and slot sessions (slot templates), for the GP system and the practice's staff: role
 * {@value AdminRoles#PRACTICE_ADMIN} in the internal token (401 without a valid token, 403 with another role;
 * consumers never have it and the gateway never routes here). JSON, errors as JSON {@code AdminError}s.
 * Template changes take effect at the next slot roll ({@code POST .../slots:roll} rolls now).
 */
@Path("/admin/practices/{ods}/schedules")
@RolesAllowed(AdminRoles.PRACTICE_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleAdminResource {

    private final ScheduleAdminService schedules;
    private final AdminRequests requests;

    public ScheduleAdminResource(ScheduleAdminService schedules, AdminRequests requests) {
        this.schedules = schedules;
        this.requests = requests;
    }

    @GET
    public Uni<List<ScheduleView>> list(@PathParam("ods") String ods) {
        requests.checkReach(ods);
        return schedules.schedules(ods);
    }

    @GET
    @Path("/{scheduleId}")
    public Uni<ScheduleView> get(@PathParam("ods") String ods, @PathParam("scheduleId") String scheduleId) {
        requests.checkReach(ods);
        return schedules.schedule(ods, scheduleId);
    }

    @PUT
    @Path("/{scheduleId}/window")
    @Consumes(MediaType.WILDCARD)
    public Uni<ScheduleView> window(@PathParam("ods") String ods, @PathParam("scheduleId") String scheduleId, String body) {
        requests.checkReach(ods);
        return schedules.window(ods, scheduleId, requests.read(body, RollingWindow.class));
    }

    @GET
    @Path("/{scheduleId}/sessions")
    public Uni<List<SessionView>> sessions(@PathParam("ods") String ods, @PathParam("scheduleId") String scheduleId) {
        requests.checkReach(ods);
        return schedules.sessions(ods, scheduleId);
    }

    @POST
    @Path("/{scheduleId}/sessions")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> create(@PathParam("ods") String ods, @PathParam("scheduleId") String scheduleId, String body,
                                @Context UriInfo uri) {
        requests.checkReach(ods);
        SessionTemplate template = requests.read(body, SessionTemplate.class);
        return schedules.create(ods, scheduleId, template)
                .map(session -> Response.created(uri.getAbsolutePathBuilder().path(Long.toString(session.id())).build())
                        .tag(Integer.toString(session.version()))
                        .entity(session).build());
    }

    @GET
    @Path("/{scheduleId}/sessions/{sessionId}")
    public Uni<Response> session(@PathParam("ods") String ods, @PathParam("scheduleId") String scheduleId,
                                 @PathParam("sessionId") String sessionId) {
        requests.checkReach(ods);
        return schedules.session(ods, scheduleId, sessionId(scheduleId, sessionId))
                .map(session -> Response.ok(session).tag(Integer.toString(session.version())).build());
    }

    /** Replaces the session; with {@code If-Match: "<version>"} only if it is still that version (else 412). */
    @PUT
    @Path("/{scheduleId}/sessions/{sessionId}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> update(@PathParam("ods") String ods, @PathParam("scheduleId") String scheduleId,
                                @PathParam("sessionId") String sessionId, @HeaderParam("If-Match") String ifMatch, String body) {
        requests.checkReach(ods);
        SessionTemplate template = requests.read(body, SessionTemplate.class);
        return schedules.update(ods, scheduleId, sessionId(scheduleId, sessionId), template, version(ifMatch))
                .map(session -> Response.ok(session).tag(Integer.toString(session.version())).build());
    }

    /** Removes the session: its booked slots stay, its free future slots are withdrawn at the next roll. */
    @DELETE
    @Path("/{scheduleId}/sessions/{sessionId}")
    public Uni<Response> delete(@PathParam("ods") String ods, @PathParam("scheduleId") String scheduleId,
                                @PathParam("sessionId") String sessionId) {
        requests.checkReach(ods);
        return schedules.delete(ods, scheduleId, sessionId(scheduleId, sessionId)).map(done -> Response.noContent().build());
    }

    /** Session ids are numbers: anything else names no session (404, as JSON like every admin error). */
    static long sessionId(String scheduleId, String value) {
        if (!value.matches("[1-9][0-9]{0,17}")) {
            throw AdminProblem.notFound("Schedule " + scheduleId + " has no session " + value);
        }
        return Long.parseLong(value);
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; null when absent. */
    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw AdminProblem.badRequest("If-Match must be a session version, e.g. \"3\"");
        }
        return Integer.valueOf(value);
    }
}
