package org.gpconnect.gateway.listener;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.common.interaction.Interaction;

/**
 * The OpenTelemetry span of one consumer exchange: named by interaction, carrying the Ssp-TraceID and the
 * interaction ID as attributes (never a patient identifier). The HTTP client's span of the call to the
 * service is its child, and carries the trace on to the service in W3C trace context headers. A no-op
 * when tracing is switched off.
 */
@ApplicationScoped
public class ExchangeSpan {

    static final String TRACE_ID = "gpconnect.ssp_trace_id";
    static final String INTERACTION_ID = "gpconnect.interaction_id";

    private final Tracer tracer;

    public ExchangeSpan(Tracer tracer) {
        this.tracer = tracer;
    }

    public Span start(String method, String sspTraceId) {
        Span span = tracer.spanBuilder("GP Connect " + method).setSpanKind(SpanKind.SERVER).setNoParent().startSpan();
        if (sspTraceId != null) {
            span.setAttribute(TRACE_ID, sspTraceId.length() > 64 ? sspTraceId.substring(0, 64) : sspTraceId);
        }
        return span;
    }

    public void identify(Span span, Interaction interaction) {
        span.updateName("GP Connect " + interaction.name());
        span.setAttribute(INTERACTION_ID, interaction.id());
    }


    public void end(Span span, int status) {
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
