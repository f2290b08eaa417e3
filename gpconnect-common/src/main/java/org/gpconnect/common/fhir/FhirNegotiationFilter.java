package org.gpconnect.common.fhir;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Runs GP Connect content negotiation on every request to a FHIR service root
 * ({@code /{ODS}/{STU3|DSTU2}/...}) before it is matched to a resource method, so an unsupported type is
 * a 415 OperationOutcome whatever the path, and the resource methods never see a format decision.
 */
public class FhirNegotiationFilter {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final FhirExchange exchange;

    public FhirNegotiationFilter(FhirExchange exchange) {
        this.exchange = exchange;
    }

    @ServerRequestFilter(preMatching = true)
    public void negotiate(ContainerRequestContext request) {
        Optional<FhirVersion> version = FhirVersion.fromPath(request.getUriInfo().getPath());
        if (version.isEmpty()) {
            return; // not a FHIR path: health, metrics, admin APIs
        }
        exchange.version(version.get());
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        // decide the response format first, so that a 415 about the body is itself in the asked-for format
        exchange.responseFormat(ContentNegotiator.responseFormat(
                request.getUriInfo().getQueryParameters().get("_format"),
                request.getHeaderString(HttpHeaders.ACCEPT),
                contentType));
        if (METHODS_WITH_BODY.contains(request.getMethod())) {
            ContentNegotiator.requestBodyFormat(contentType);
        }
    }
}
