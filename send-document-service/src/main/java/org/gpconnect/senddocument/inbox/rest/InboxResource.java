package org.gpconnect.senddocument.inbox.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.security.InternalToken;
import org.gpconnect.senddocument.inbox.InboxItemView;
import org.gpconnect.senddocument.inbox.WorkflowItem;
import org.gpconnect.senddocument.inbox.StoredAttachment;
import org.gpconnect.senddocument.inbox.service.AttachmentContent;
import org.gpconnect.senddocument.inbox.service.InboxService;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * The practice inbox API for the GP system (send-document.md §5.3): list items, download attachments,
 * mark items filed. Callers need a token with role {@value #ROLE} (401 without a valid token, 403 with
 * another role); a token that names a practice ({@code gpc_provider_ods}) reaches only that practice.
 * The gateway never routes consumers here.
 */
@Path("/practice/{ods}")
@RolesAllowed(InboxResource.ROLE)
public class InboxResource {

    public static final String ROLE = "practice-inbox";

    private final InboxService inbox;
    private final AttachmentContent content;
    private final JsonWebToken token;

    public InboxResource(InboxService inbox, AttachmentContent content, JsonWebToken token) {
        this.inbox = inbox;
        this.content = content;
        this.token = token;
    }

    @GET
    @Path("/inbox")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<InboxItemView>> list(@PathParam("ods") String ods,
                                         @QueryParam("status") @DefaultValue("PENDING") String status,
                                         @QueryParam("limit") @DefaultValue("100") int limit) {
        checkPractice(ods);
        WorkflowItem.Status wanted;
        try {
            wanted = WorkflowItem.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GpConnectException.invalidParameter("status must be PENDING, FILED or ARCHIVED");
        }
        if (limit < 1 || limit > 1000) {
            throw GpConnectException.invalidParameter("limit must be 1 to 1000");
        }
        return inbox.list(ods, wanted, limit);
    }

    @GET
    @Path("/inbox/{itemId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<InboxItemView> get(@PathParam("ods") String ods, @PathParam("itemId") UUID itemId) {
        checkPractice(ods);
        return inbox.get(ods, itemId);
    }

    /** Marks the item filed (idempotent). */
    @POST
    @Path("/inbox/{itemId}/filed")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<InboxItemView> file(@PathParam("ods") String ods, @PathParam("itemId") UUID itemId) {
        checkPractice(ods);
        String traceId = token.getClaim(InternalToken.TRACE_ID);
        return inbox.file(ods, itemId, token.getSubject(), traceId != null ? traceId : UUID.randomUUID().toString());
    }

    /** The attachment's content, streamed with its own content type (404 when not in this practice). */
    @GET
    @Path("/documents/{documentId}/attachments/{attachmentId}")
    public RestMulti<byte[]> download(@PathParam("ods") String ods, @PathParam("documentId") UUID documentId,
                                      @PathParam("attachmentId") UUID attachmentId) {
        checkPractice(ods);
        Uni<Download> download = inbox.attachment(ods, documentId, attachmentId)
                .chain(a -> content.segments(a.id).map(segments -> new Download(a, segments)));
        return RestMulti.fromUniResponse(download,
                d -> content.stream(d.attachment().id, d.segments()),
                d -> Map.of("Content-Type", List.of(d.attachment().contentType),
                        "Content-Disposition", List.of("attachment; filename=\"" + d.attachment().id + extension(d.attachment().contentType) + "\""),
                        "X-Content-SHA256", List.of(d.attachment().sha256.trim())),
                d -> 200);
    }

    private record Download(StoredAttachment attachment, int segments) {
    }

    private void checkPractice(String ods) {
        String allowed = token.getClaim(InternalToken.PROVIDER_ODS);
        if (allowed != null && !allowed.equals(ods)) {
            throw new GpConnectException(SpineCode.ACCESS_DENIED, "This token is for practice " + allowed);
        }
    }

    private static String extension(String contentType) {
        return "application/pdf".equals(contentType) ? ".pdf" : ".bin";
    }
}
