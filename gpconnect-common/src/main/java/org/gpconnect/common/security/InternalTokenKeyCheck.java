package org.gpconnect.common.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

/**
 * Fails start-up when a service that must verify internal tokens has no gateway public key configured:
 * otherwise it would start, report ready, and answer every request 401.
 */
@ApplicationScoped
public class InternalTokenKeyCheck {

    void check(@Observes StartupEvent event, Config config) {
        boolean verify = config.getOptionalValue("gpconnect.internal-token.verify", Boolean.class).orElse(true);
        if (!verify) {
            return;
        }
        boolean hasKey = config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent();
        if (!hasKey) {
            throw new IllegalStateException("No public key to verify the gateway's internal tokens: set "
                    + "MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file or URL) or MP_JWT_VERIFY_PUBLICKEY (the PEM text)");
        }
    }
}
