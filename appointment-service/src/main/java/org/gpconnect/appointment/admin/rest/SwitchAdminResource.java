package org.gpconnect.appointment.admin.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gpconnect.appointment.admin.AdminError;
import org.gpconnect.appointment.admin.AdminProblem;
import org.gpconnect.appointment.admin.SwitchChangeView;
import org.gpconnect.appointment.admin.SwitchesUpdate;
import org.gpconnect.appointment.admin.SwitchesView;
import org.gpconnect.appointment.admin.service.SwitchAdminService;

/**
 * The practice's GP Connect switches (foundations.md §6): read them, change them ({@code PATCH} with the switches to
 * set, {@code {"gpConnect": false}}), and read the audit of every change (who, when, old and new value).
 */
@Path("/admin/practices/{ods}/switches")
@RolesAllowed(AdminRoles.PRACTICE_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SwitchAdminResource {

    private final SwitchAdminService switches;
    private final AdminRequests requests;

    public SwitchAdminResource(SwitchAdminService switches, AdminRequests requests) {
        this.switches = switches;
        this.requests = requests;
    }

    @GET
    public Uni<SwitchesView> read(@PathParam("ods") String ods) {
        requests.checkReach(ods);
        return switches.read(ods);
    }

    @PATCH
    @Consumes(MediaType.WILDCARD)
    public Uni<SwitchesView> change(@PathParam("ods") String ods, String body) {
        requests.checkReach(ods);
        String operator = requests.operator();
        return switches.change(ods, requests.read(body, SwitchesUpdate.class), operator);
    }

    @GET
    @Path("/history")
    public Uni<List<SwitchChangeView>> history(@PathParam("ods") String ods, @QueryParam("limit") @DefaultValue("100") String limitText) {
        requests.checkReach(ods);
        int limit = limitText.matches("[0-9]{1,4}") ? Integer.parseInt(limitText) : -1;
        if (limit < 1 || limit > 1000) {
            throw new AdminProblem(400, "The request is not valid", List.of(new AdminError.Violation("limit", "must be 1 to 1000")));
        }
        return switches.history(ods, limit);
    }
}
