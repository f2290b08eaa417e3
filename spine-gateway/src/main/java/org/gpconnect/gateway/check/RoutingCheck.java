package org.gpconnect.gateway.check;

import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.error.SspOutcome;
import org.gpconnect.gateway.routing.EndpointRegistry;

/** foundations.md §2.2/§2.3: the target must be a registered provider service root, byte for byte. */
public final class RoutingCheck {

    private RoutingCheck() {
    }

    public static void check(ConsumerRequest request, EndpointRegistry registry) {
        request.route(registry.resolve(request.target()).orElseThrow(() -> GatewayRejection.ssp(
                SspOutcome.endpointVaries("UNKNOWN", printable(request.target())))));
    }

    private static String printable(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q); // the query may hold identifiers: not echoed
        return path.length() > 200 ? path.substring(0, 200) : path;
    }
}
