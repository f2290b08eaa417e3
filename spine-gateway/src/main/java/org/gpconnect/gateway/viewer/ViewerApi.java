package org.gpconnect.gateway.viewer;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gpconnect.common.interaction.Capability;
import org.gpconnect.common.interaction.RecordSection;
import org.gpconnect.gateway.accreditation.AccreditationRegistry;
import org.gpconnect.gateway.admin.AuditResource;
import org.gpconnect.gateway.routing.EndpointRegistry;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The record viewer's API on the admin port (docs/adr/0015): what the page offers (practices with an HTML
 * service root, suggested patients, sections) and {@code POST /viewer/api/render}, which sends a properly
 * formed consumer request to this gateway's own consumer listener and returns what came back. Operators
 * only (role {@value AuditResource#OPERATOR}); 503 until the viewer has an identity.
 */
@Path("/viewer/api")
@RolesAllowed(AuditResource.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ViewerApi {

    private static final Logger LOG = Logger.getLogger(ViewerApi.class);

    private final ViewerSettings settings;
    private final EndpointRegistry endpoints;
    private final AccreditationRegistry accreditation;
    private final ConsumerListenerClient listener;
    private final JsonWebToken token;
    private final String version;

    public ViewerApi(ViewerSettings settings, EndpointRegistry endpoints, AccreditationRegistry accreditation,
                     ConsumerListenerClient listener, JsonWebToken token,
                     @ConfigProperty(name = "quarkus.application.version", defaultValue = "unversioned") String version) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.accreditation = accreditation;
        this.listener = listener;
        this.token = token;
        this.version = version;
    }

    /** A practice the viewer can render for, and whether the viewer may send it the HTML capability (its sharing agreement). */
    public record Practice(String odsCode, String serviceRoot, String providerAsid, boolean sharingAgreed) {
    }

    public record Section(String code, String title, boolean dateFilter) {
    }

    @GET
    @Path("/practices")
    public List<Practice> practices() {
        ViewerIdentity viewer = settings.identity();
        return endpoints.serving(Capability.ACCESS_RECORD_HTML).stream()
                .map(e -> new Practice(e.odsCode(), e.serviceRoot(), e.providerAsid(),
                        accreditation.sharingAgreed(viewer.asid(), e.odsCode(), Capability.ACCESS_RECORD_HTML)))
                .toList();
    }

    @GET
    @Path("/patients")
    public List<DemoPatient> patients() {
        settings.identity();
        return settings.demoPatients();
    }

    @GET
    @Path("/sections")
    public List<Section> sections() {
        settings.identity();
        return Arrays.stream(RecordSection.values()).map(s -> new Section(s.code(), s.title(), s.dateFilterAllowed())).toList();
    }

    @POST
    @Path("/render")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RenderResult> render(RenderRequest request, @Context UriInfo uri) {
        ViewerIdentity viewer = settings.identity();
        if (request == null) {
            throw ViewerProblem.badInput("The body must be JSON: {\"practice\", \"nhsNumber\", \"section\", \"from\", \"to\"}");
        }
        CareRecordQuery query = request.validate(endpoints);
        Operator operator = Operator.of(token);
        CareRecordCall call = CareRecordCall.of(query, viewer, operator, uri.getBaseUri().resolve("viewer").toString(), version);
        // never the NHS number or a token at INFO: the trace id finds the audit record, which has both parties
        LOG.infof("Record viewer: %s renders %s of %s (Ssp-TraceID %s)", operator.id(), query.section().code(),
                query.endpoint().odsCode(), call.traceId());
        return listener.send(call)
                .map(answer -> CareRecordAnswer.read(call, query, answer))
                .invoke(result -> LOG.infof("Record viewer: Ssp-TraceID %s answered HTTP %d", result.traceId(), result.status()));
    }

    /** The page's errors: JSON with the status and a message it can show as it is. */
    public record Problem(int status, String message) {
    }

    @ServerExceptionMapper
    public Response problem(ViewerProblem problem) {
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(new Problem(problem.status(), problem.getMessage())).build();
    }
}
