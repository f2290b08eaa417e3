package org.gpconnect.appointment.admin.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.gpconnect.appointment.admin.RollView;
import org.gpconnect.appointment.admin.service.ScheduleAdminService;

/** {@code POST /admin/practices/{ods}/slots:roll}: roll the practice's slots now, so template changes apply at once. */
@Path("/admin/practices/{ods}/slots:roll")
@RolesAllowed(AdminRoles.PRACTICE_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SlotRollAdminResource {

    private final ScheduleAdminService schedules;
    private final AdminRequests requests;

    public SlotRollAdminResource(ScheduleAdminService schedules, AdminRequests requests) {
        this.schedules = schedules;
        this.requests = requests;
    }

    @POST
    public Uni<RollView> roll(@PathParam("ods") String ods) {
        requests.checkReach(ods);
        return schedules.roll(ods);
    }
}
