package org.gpconnect.gateway.admin;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gpconnect.common.event.AuditEventV1;

/**
 * The operators' audit query API: {@code GET /admin/audit?traceId=&nhsNumber=&consumerAsid=&from=&to=&limit=}.
 * Needs an operator's token (role {@value #OPERATOR}); consumers never reach it (their requests are
 * routed, and carry no such token).
 */
@Path("/admin/audit")
public class AuditResource {

    public static final String OPERATOR = "gpconnect-operator";
    private static final int MAX_LIMIT = 1000;

    private final AuditQuery query;

    public AuditResource(AuditQuery query) {
        this.query = query;
    }

    @GET
    @RolesAllowed(OPERATOR)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<AuditEventV1>> find(@QueryParam("traceId") String traceId, @QueryParam("nhsNumber") String nhsNumber,
                                        @QueryParam("consumerAsid") String consumerAsid, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        if (traceId == null && nhsNumber == null && consumerAsid == null && from == null) {
            throw new BadRequestException("Give at least one of traceId, nhsNumber, consumerAsid or from");
        }
        int rows = limit == null ? 100 : Math.max(1, Math.min(MAX_LIMIT, limit));
        return query.find(new AuditQuery.Criteria(traceId, nhsNumber, consumerAsid, time(from), time(to), rows));
    }

    private static OffsetDateTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Times are ISO-8601 with an offset, e.g. 2026-11-30T10:00:00Z");
        }
    }
}
