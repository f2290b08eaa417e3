package org.gpconnect.common.error;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.gpconnect.common.fhir.FhirExchange;
import org.gpconnect.common.security.InternalHeaders;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place failures become responses: a {@link GpConnectException} becomes its OperationOutcome,
 * the framework's own HTTP errors (no such path, wrong verb, bad media type) become the GP Connect outcome
 * the spec gives for them, and anything unforeseen becomes 500 {@code INTERNAL_SERVER_ERROR} with no
 * internals in the body (the cause goes to the log).
 */
public class GpConnectExceptionMapper {

    private static final Logger LOG = Logger.getLogger(GpConnectExceptionMapper.class);

    private final FhirExchange exchange;

    public GpConnectExceptionMapper(FhirExchange exchange) {
        this.exchange = exchange;
    }

    @ServerExceptionMapper
    public Response gpConnect(GpConnectException error) {
        return outcome(error);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException error) {
        return outcome(translate(error));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable error) {
        if (error instanceof GpConnectException g) {
            return outcome(g);
        }
        if (error instanceof WebApplicationException w) {
            return outcome(translate(w));
        }
        LOG.error("Unexpected failure while handling a request", error);
        return outcome(new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR,
                "The request could not be completed because of an internal error"));
    }

    static GpConnectException translate(WebApplicationException error) {
        if (error.getCause() instanceof GpConnectException g) {
            return g; // raised inside a reader or param converter and wrapped by the framework
        }
        if (error instanceof NotFoundException) {
            return new GpConnectException(SpineCode.NO_RECORD_FOUND, "No resource or operation is served at this path");
        }
        if (error instanceof NotAllowedException) {
            return GpConnectException.badRequest("The HTTP method is not supported at this path");
        }
        if (error instanceof NotSupportedException || error instanceof NotAcceptableException) {
            return GpConnectException.unsupportedMediaType("Unsupported media type");
        }
        int status = error.getResponse() == null ? 500 : error.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return new GpConnectException(status, SpineCode.BAD_REQUEST, SpineCode.BAD_REQUEST.issueType(),
                    "The request could not be processed (HTTP " + status + ")");
        }
        LOG.error("Framework failure while handling a request", error);
        return new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR,
                "The request could not be completed because of an internal error");
    }

    private Response outcome(GpConnectException error) {
        Response.ResponseBuilder response = Response.status(error.httpStatus());
        if (error.auditPatientNhsNumber() != null) {
            response.header(InternalHeaders.AUDIT_PATIENT_NHS_NUMBER, error.auditPatientNhsNumber());
        }
        return response
                .header(InternalHeaders.OUTCOME_CODE, error.spineCode().code())
                .entity(OperationOutcomes.of(exchange.version(), error))
                .type(exchange.responseMediaType())
                .build();
    }
}
