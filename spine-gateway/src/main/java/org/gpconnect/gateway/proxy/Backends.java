package org.gpconnect.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.gpconnect.common.interaction.Capability;
import org.gpconnect.gateway.config.GatewayConfig;

/**
 * The provider services behind the gateway: for each capability, which service answers it, on which
 * internal service root, through one pooled keep-alive HTTP client per service.
 */
@ApplicationScoped
public class Backends {

    private final Map<Capability, Backend> byCapability = new EnumMap<>(Capability.class);
    private final HttpClient appointments;
    private final HttpClient accessRecord;

    public Backends(Vertx vertx, GatewayConfig config) {
        appointments = client(vertx, config.services().appointments());
        accessRecord = client(vertx, config.services().accessRecord());
        byCapability.put(Capability.FOUNDATIONS_AND_APPOINTMENTS,
                new Backend(appointments, config.services().appointments(), "/STU3/1/gpconnect/fhir"));
        byCapability.put(Capability.ACCESS_RECORD_STRUCTURED,
                new Backend(accessRecord, config.services().accessRecord(), "/STU3/1/gpconnect/structured/fhir"));
        byCapability.put(Capability.ACCESS_RECORD_HTML,
                new Backend(accessRecord, config.services().accessRecord(), "/DSTU2/1/gpconnect/fhir"));
    }

    /** The backend serving a capability; null for capabilities this suite does not serve. */
    public Backend forCapability(Capability capability) {
        return byCapability.get(capability);
    }

    private static HttpClient client(Vertx vertx, GatewayConfig.Backend backend) {
        URI url = backend.url();
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80))
                .setSsl("https".equals(url.getScheme()))
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) backend.connectTimeout().toMillis())
                .setDecompressionSupported(false); // bodies pass through as the service encoded them
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(backend.maxConnections()));
    }

    @PreDestroy
    void close() {
        appointments.close();
        accessRecord.close();
    }

    /**
     * A service and the internal service root a capability lives under on it.
     *
     * @param internalRootSuffix the service root below {@code /{ODS}}, e.g. {@code /STU3/1/gpconnect/fhir}
     */
    public record Backend(HttpClient client, GatewayConfig.Backend settings, String internalRootSuffix) {

        /** Where a request goes on the service: the internal root of the practice plus the FHIR request. */
        public String internalTarget(String ods, String relativePath, String query) {
            return "/" + ods + internalRootSuffix + relativePath + (query == null ? "" : "?" + query);
        }

        public String displayUrl() {
            return settings.url().toString();
        }
    }
}
