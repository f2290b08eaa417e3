package org.gpconnect.gateway.check;

import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.gateway.error.GatewayRejection;

/** foundations.md §2.1: Ssp-TraceID, Ssp-From, Ssp-To and Ssp-InteractionID present and not blank, once each. */
public final class SspHeadersPresentCheck {

    private SspHeadersPresentCheck() {
    }

    public static void check(ConsumerRequest request) {
        for (String name : new String[]{SspHeaders.TRACE_ID, SspHeaders.FROM, SspHeaders.TO, SspHeaders.INTERACTION_ID}) {
            var values = request.headers().getAll(name);
            if (values.isEmpty() || values.get(0).isBlank()) {
                throw GatewayRejection.gpConnect(GpConnectException.badRequest("The " + name + " header is missing or blank"));
            }
            if (values.size() > 1) {
                throw GatewayRejection.gpConnect(GpConnectException.badRequest("The " + name + " header is given more than once"));
            }
        }
    }
}
