package org.gpconnect.gateway.check;

import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.gateway.error.GatewayRejection;

/** foundations.md §2.1: Ssp-To must be exactly the ASID registered for the addressed practice. */
public final class ProviderAsidCheck {

    private ProviderAsidCheck() {
    }

    public static void check(ConsumerRequest request) {
        if (!request.route().endpoint().providerAsid().equals(request.header(SspHeaders.TO))) {
            throw GatewayRejection.gpConnect(GpConnectException.badRequest(
                    "Ssp-To is not the ASID of the provider addressed by this URL"));
        }
    }
}
