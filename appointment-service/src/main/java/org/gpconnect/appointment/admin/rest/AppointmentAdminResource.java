package org.gpconnect.appointment.admin.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gpconnect.appointment.admin.AdminError;
import org.gpconnect.appointment.admin.AdminProblem;
import org.gpconnect.appointment.admin.BookedAppointmentView;
import org.gpconnect.appointment.admin.service.BookedAppointmentsService;

/**
 * {@code GET /admin/practices/{ods}/appointments?from=YYYY-MM-DD&to=YYYY-MM-DD&status=booked|cancelled|all}: the
 * practice's appointments starting in the range (practice local dates, both included, at most 92 days), of every
 * origin, with patient and booking organisation. {@code status} defaults to {@code booked}.
 */
@Path("/admin/practices/{ods}/appointments")
@RolesAllowed(AdminRoles.PRACTICE_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentAdminResource {

    private final BookedAppointmentsService appointments;
    private final AdminRequests requests;

    public AppointmentAdminResource(BookedAppointmentsService appointments, AdminRequests requests) {
        this.appointments = appointments;
        this.requests = requests;
    }

    @GET
    public Uni<List<BookedAppointmentView>> list(@PathParam("ods") String ods, @QueryParam("from") String from,
                                                 @QueryParam("to") String to,
                                                 @QueryParam("status") @DefaultValue("booked") String status) {
        requests.checkReach(ods);
        String wanted = switch (status) {
            case "booked", "cancelled" -> status;
            case "all" -> null;
            default -> throw new AdminProblem(400, "The request is not valid",
                    List.of(new AdminError.Violation("status", "must be booked, cancelled or all")));
        };
        return appointments.inRange(ods, date("from", from), date("to", to), wanted);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new AdminProblem(400, "The request is not valid", List.of(new AdminError.Violation(name, "is required (YYYY-MM-DD)")));
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new AdminProblem(400, "The request is not valid", List.of(new AdminError.Violation(name, "must be a date YYYY-MM-DD")));
        }
    }
}
