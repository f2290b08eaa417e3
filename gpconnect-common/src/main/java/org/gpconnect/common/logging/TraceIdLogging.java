package org.gpconnect.common.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gpconnect.common.security.TraceIds;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the consumer's Ssp-TraceID (from the internal token, or the header the gateway forwarded) into the
 * logging MDC as {@code traceId}, so every log line a service writes for a request can be joined to the
 * gateway's audit record and logs.
 */
public class TraceIdLogging {

    private final JsonWebToken token;

    public TraceIdLogging(JsonWebToken token) {
        this.token = token;
    }

    @ServerRequestFilter
    public void traceId(ContainerRequestContext request) {
        String traceId = TraceIds.of(token, request.getHeaderString(TraceIds.HEADER));
        if (traceId != null) {
            MDC.put("traceId", traceId);
        }
    }
}
