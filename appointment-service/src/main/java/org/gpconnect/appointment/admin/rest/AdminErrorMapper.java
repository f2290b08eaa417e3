package org.gpconnect.appointment.admin.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.gpconnect.appointment.admin.AdminError;
import org.gpconnect.appointment.admin.AdminProblem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns an {@link AdminProblem} into its JSON {@link AdminError} with the problem's status. */
public class AdminErrorMapper {

    @ServerExceptionMapper
    public Response problem(AdminProblem problem) {
        Response.Status.Family family = Response.Status.Family.familyOf(problem.status());
        Response.StatusType status = Response.Status.fromStatusCode(problem.status());
        String reason = status != null ? status.getReasonPhrase() : family.name();
        return Response.status(problem.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(new AdminError(problem.status(), reason, problem.getMessage(), problem.violations()))
                .build();
    }
}
