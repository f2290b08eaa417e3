package org.gpconnect.gateway.check;

import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.interaction.InteractionCatalogue;
import org.gpconnect.gateway.error.GatewayRejection;

/**
 * foundations.md §2.1 and §7: the interaction ID is known (exact, case-sensitive), fits the request's
 * method and path below the service root. (Whether the root serves it is the receiver's accreditation.)
 */
public final class InteractionCheck {

    private InteractionCheck() {
    }

    public static void check(ConsumerRequest request) {
        String id = request.header(SspHeaders.INTERACTION_ID);
        Interaction interaction = InteractionCatalogue.byId(id).orElseThrow(() -> GatewayRejection.gpConnect(
                GpConnectException.badRequest("Ssp-InteractionID is not a known GP Connect interaction")));
        if (!interaction.matches(request.method(), request.route().relativePath())) {
            throw GatewayRejection.gpConnect(GpConnectException.badRequest(
                    "Ssp-InteractionID does not match the HTTP method and path of the request"));
        }
        request.interaction(interaction);
    }
}
