package org.gpconnect.common.fhir;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Labels a FHIR response with its media type before it is written: the release's type for the negotiated
 * format, {@code charset=utf-8} (foundations.md §4). Setting it here, not in the writer, lets the HTTP
 * layer see the type early enough to gzip the body when the client accepts it.
 */
public class FhirResponseFilter {

    private final FhirExchange exchange;

    public FhirResponseFilter(FhirExchange exchange) {
        this.exchange = exchange;
    }

    @ServerResponseFilter
    public void label(ContainerResponseContext response) {
        if (response.getEntity() instanceof IBaseResource resource) {
            // setEntity (not just the header) so the framework's own notion of the response type changes too
            MediaType type = MediaType.valueOf(FhirContexts.versionOf(resource).mediaType(exchange.responseFormat()))
                    .withCharset("utf-8");
            response.setEntity(resource, response.getEntityAnnotations(), type);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.getType() + "/" + type.getSubtype() + ";charset=utf-8");
        }
    }
}
