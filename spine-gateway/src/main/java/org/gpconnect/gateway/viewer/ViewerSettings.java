package org.gpconnect.gateway.viewer;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.gpconnect.gateway.config.GatewayConfig;

/** The viewer's configuration, resolved once: its identity (if configured), where it sends requests, suggestions. */
@ApplicationScoped
public class ViewerSettings {

    static final String NOT_CONFIGURED = "The record viewer is not configured: set gpconnect.gateway.viewer.asid"
            + " (GPCONNECT_GATEWAY_VIEWER_ASID, the viewer's consumer ASID, accredited for the HTML care record) and"
            + " gpconnect.gateway.viewer.organization-ods (GPCONNECT_GATEWAY_VIEWER_ORGANIZATION_ODS)";

    private final ViewerIdentity identity;
    private final URI consumerUrl;
    private final Duration timeout;
    private final List<DemoPatient> demoPatients;

    public ViewerSettings(GatewayConfig config) {
        GatewayConfig.Viewer viewer = config.viewer();
        this.identity = viewer.asid().isPresent() && viewer.organizationOds().isPresent()
                ? new ViewerIdentity(viewer.asid().get(), viewer.organizationOds().get(), viewer.organizationName())
                : null;
        this.consumerUrl = URI.create(viewer.consumerUrl().orElseGet(() -> localListener(config.listener())));
        this.timeout = viewer.timeout();
        this.demoPatients = viewer.demoPatients().orElse(List.of()).stream().map(DemoPatient::parse).toList();
    }

    /** The viewer's identity; a 503 the page can show when it is not configured. */
    public ViewerIdentity identity() {
        if (identity == null) {
            throw new ViewerProblem(503, NOT_CONFIGURED);
        }
        return identity;
    }

    /** Base URL of the consumer listener the viewer calls. */
    public URI consumerUrl() {
        return consumerUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    public List<DemoPatient> demoPatients() {
        return demoPatients;
    }

    /** The listener as reached from this process: loopback when it listens on every interface. */
    static String localListener(GatewayConfig.Listener listener) {
        String host = listener.host();
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        return "http://" + host + ":" + listener.port();
    }
}
