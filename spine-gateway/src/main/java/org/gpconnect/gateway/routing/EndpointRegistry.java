package org.gpconnect.gateway.routing;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gpconnect.common.interaction.Capability;
import org.gpconnect.common.seed.SeedDataLoader;
import org.gpconnect.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * The SDS-like registry of provider service roots, held in the {@code provider_endpoint} table and kept
 * in memory for the hot path. It is re-read periodically, so operators add practices or change ASIDs
 * without a restart; a failed reload keeps the last good copy.
 */
@ApplicationScoped
public class EndpointRegistry {

    private static final Logger LOG = Logger.getLogger(EndpointRegistry.class);

    private final Pool pool;
    private final GatewayConfig config;
    /** Registered roots by ODS code, longest first; replaced whole on reload. */
    private volatile Map<String, List<ProviderEndpoint>> byOds = Map.of();

    public EndpointRegistry(Pool pool, GatewayConfig config) {
        this.pool = pool;
        this.config = config;
    }

    void onStart(@Observes @Priority(SeedDataLoader.PRIORITY + 1) StartupEvent event) {
        reload().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "${gpconnect.gateway.registry-refresh:30s}", delayed = "${gpconnect.gateway.registry-refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure().invoke(e -> LOG.warnf("Endpoint registry reload failed, keeping the last copy (%s)", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Re-reads the registry. */
    public Uni<Void> reload() {
        return pool.query("SELECT service_root, ods_code, provider_asid, capabilities FROM provider_endpoint WHERE enabled")
                .execute()
                .map(rows -> {
                    Map<String, List<ProviderEndpoint>> next = new HashMap<>();
                    for (Row row : rows) {
                        ProviderEndpoint endpoint = toEndpoint(row);
                        if (endpoint != null) {
                            next.computeIfAbsent(endpoint.odsCode(), k -> new ArrayList<>()).add(endpoint);
                        }
                    }
                    next.values().forEach(list -> list.sort(Comparator.comparingInt((ProviderEndpoint e) -> e.serviceRoot().length()).reversed()));
                    return next;
                })
                .invoke(next -> byOds = Map.copyOf(next))
                .replaceWithVoid();
    }

    /**
     * Resolves a request target (the raw request-target: path and query, never decoded) to a registered
     * service root. SSP-style targets carry the full service root URL after the leading '/'.
     */
    public Optional<RoutedRequest> resolve(String requestTarget) {
        int q = requestTarget.indexOf('?');
        String path = q < 0 ? requestTarget : requestTarget.substring(0, q);
        String query = q < 0 ? null : requestTarget.substring(q + 1);
        Optional<String> direct = directPath(path);
        if (direct.isEmpty()) {
            return Optional.empty();
        }
        String p = direct.get();
        int secondSlash = p.indexOf('/', 1);
        if (secondSlash < 0) {
            return Optional.empty();
        }
        for (ProviderEndpoint endpoint : byOds.getOrDefault(p.substring(1, secondSlash), List.of())) {
            String root = endpoint.serviceRoot();
            if (p.length() > root.length() + 1 && p.startsWith(root) && p.charAt(root.length()) == '/') {
                return Optional.of(new RoutedRequest(endpoint, p.substring(root.length()), query));
            }
        }
        return Optional.empty();
    }

    /** Every registered service root that serves the capability, ordered by ODS code. */
    public List<ProviderEndpoint> serving(Capability capability) {
        return byOds.values().stream().flatMap(List::stream)
                .filter(endpoint -> endpoint.capabilities().contains(capability))
                .sorted(Comparator.comparing(ProviderEndpoint::odsCode).thenComparing(ProviderEndpoint::serviceRoot))
                .toList();
    }

    /** The direct form of a path: itself, or an SSP-style path with this provider's public base URL stripped. */
    private Optional<String> directPath(String path) {
        if (config.publicBaseUrl().isPresent()) {
            String sspPrefix = "/" + config.publicBaseUrl().get();
            if (path.startsWith(sspPrefix + "/")) {
                return Optional.of(path.substring(sspPrefix.length()));
            }
        }
        if (path.startsWith("/http:") || path.startsWith("/https:")) {
            return Optional.empty(); // SSP-style, but for a host this provider is not registered as
        }
        return Optional.of(path);
    }

    private static ProviderEndpoint toEndpoint(Row row) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : row.getArrayOfStrings("capabilities")) {
            try {
                capabilities.add(Capability.valueOf(name));
            } catch (IllegalArgumentException e) {
                LOG.warnf("Endpoint %s names an unknown capability %s; ignored", row.getString("service_root"), name);
            }
        }
        if (capabilities.isEmpty()) {
            return null;
        }
        return new ProviderEndpoint(row.getString("service_root"), row.getString("ods_code"), row.getString("provider_asid"),
                Set.copyOf(capabilities));
    }
}
