package org.gpconnect.gateway.accreditation;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.gpconnect.common.interaction.Capability;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.interaction.InteractionCatalogue;
import org.gpconnect.common.seed.SeedDataLoader;
import org.jboss.logging.Logger;

/**
 * Which consumer systems are accredited for which interactions, and which may send which capability to
 * which practice (foundations.md §2.2), read from the database and held in memory for the hot path,
 * re-read periodically so operators' changes apply without a restart.
 */
@ApplicationScoped
public class AccreditationRegistry {

    private static final Logger LOG = Logger.getLogger(AccreditationRegistry.class);

    private final Pool pool;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Set.of());

    public AccreditationRegistry(Pool pool) {
        this.pool = pool;
    }

    void onStart(@Observes @Priority(SeedDataLoader.PRIORITY + 1) StartupEvent event) {
        reload().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "${gpconnect.gateway.registry-refresh:30s}", delayed = "${gpconnect.gateway.registry-refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure().invoke(e -> LOG.warnf("Accreditation reload failed, keeping the last copy (%s)", e.toString()))
                .onFailure().recoverWithNull();
    }

    public Uni<Void> reload() {
        Uni<Set<String>> accredited = pool.query("SELECT a.consumer_asid, a.interaction_id FROM consumer_accreditation a"
                        + " JOIN consumer_system c ON c.asid = a.consumer_asid WHERE c.enabled").execute()
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    for (Row row : rows) {
                        // an accreditation names the interaction's spec ID; aliases of it count too
                        InteractionCatalogue.byId(row.getString(1)).ifPresent(i ->
                                keys.add(row.getString(0) + "|" + i.name()));
                    }
                    return keys;
                });
        Uni<Set<String>> agreements = pool.query("SELECT s.consumer_asid, s.provider_ods, s.capability FROM sharing_agreement s"
                        + " JOIN consumer_system c ON c.asid = s.consumer_asid WHERE c.enabled").execute()
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    rows.forEach(row -> keys.add(row.getString(0) + "|" + row.getString(1) + "|" + row.getString(2)));
                    return keys;
                });
        return Uni.combine().all().unis(accredited, agreements).asTuple()
                .invoke(t -> snapshot = new Snapshot(Set.copyOf(t.getItem1()), Set.copyOf(t.getItem2())))
                .replaceWithVoid();
    }

    /** Whether the consumer system is accredited to send this interaction. */
    public boolean senderAccredited(String consumerAsid, Interaction interaction) {
        return snapshot.accredited().contains(consumerAsid + "|" + interaction.name());
    }

    /** Whether the consumer may send this capability's interactions to this practice. */
    public boolean sharingAgreed(String consumerAsid, String providerOds, Capability capability) {
        return snapshot.agreements().contains(consumerAsid + "|" + providerOds + "|" + capability.name());
    }

    private record Snapshot(Set<String> accredited, Set<String> agreements) {
    }
}
