package org.gpconnect.gateway.check;

import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.gateway.accreditation.AccreditationRegistry;
import org.gpconnect.gateway.error.GatewayRejection;
import org.gpconnect.gateway.error.SspOutcome;

/**
 * foundations.md §2.2-§2.3 and security-and-audit.md §2, the SSP's own checks, each a 403 in the SSP's
 * form: the sender ASID is accredited for the interaction; the receiver (the practice's endpoint) is
 * accredited to receive it, which capabilities this suite does not serve never are; and this sender may
 * send it to this receiver (the data-sharing agreement).
 */
public final class AccreditationCheck {

    private AccreditationCheck() {
    }

    public static void check(ConsumerRequest request, AccreditationRegistry accreditations) {
        String from = request.header(SspHeaders.FROM);
        String to = request.route().endpoint().providerAsid();
        Interaction interaction = request.interaction();
        if (!accreditations.senderAccredited(from, interaction)) {
            throw GatewayRejection.ssp(SspOutcome.senderNotAccredited(from));
        }
        if (!interaction.capability().served()) {
            // security-and-audit.md §2: interactions outside this suite's scope get the FoT-style denial
            throw GatewayRejection.ssp(SspOutcome.notPermitted(from, to));
        }
        if (!request.route().endpoint().capabilities().contains(interaction.capability())) {
            throw GatewayRejection.ssp(SspOutcome.receiverNotAccredited(to));
        }
        if (!accreditations.sharingAgreed(from, request.route().endpoint().odsCode(), interaction.capability())) {
            throw GatewayRejection.ssp(SspOutcome.notPermitted(from, to));
        }
    }
}
