package org.gpconnect.common.logging;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Patient identifiers are only ever logged at DEBUG; running a production instance with DEBUG on is
 * allowed (for diagnosis) but must not go unnoticed.
 */
@ApplicationScoped
public class DebugLoggingWarning {

    private static final Logger LOG = Logger.getLogger("org.gpconnect");

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && LOG.isDebugEnabled()) {
            LOG.warn("DEBUG logging is on for org.gpconnect: patient identifiers may be written to the log."
                    + " Switch it off once the diagnosis is done.");
        }
    }
}
