package org.gpconnect.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka: at-least-once, and in outbox order per key. One relay runs at a time
 * across replicas (a PostgreSQL advisory lock held for the poll's transaction), it sends a batch in id
 * order with an idempotent producer, and marks as published only the events up to the first failure,
 * so a failed event and everything after it are sent again on the next poll. Kafka being down therefore
 * only delays events; nothing is lost and business transactions never wait for Kafka.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory-lock key of the relay (one per database, so per service). */
    static final long RELAY_LOCK = 0x6770636f6e6e6563L;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Vertx vertx;
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Backlog as last seen by a poll, for the gauges (alerts on a stuck relay or an unreachable Kafka). */
    private final AtomicLong pendingEvents = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private volatile KafkaProducer<String, String> producer;
    private long timer = -1;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, Vertx vertx, MeterRegistry metrics,
                       @Identifier("default-kafka-broker") Instance<Map<String, Object>> kafkaConfig) {
        this.dataSource = dataSource;
        this.vertx = vertx;
        metrics.gauge("gpconnect_outbox_pending_events", pendingEvents);
        metrics.gauge("gpconnect_outbox_oldest_pending_seconds", oldestPendingSeconds);
        this.config = config;
        this.kafkaConfig = kafkaConfig.isResolvable() ? kafkaConfig.get() : Map.of();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        // a Vert.x timer, not @Scheduled: the Quarkus scheduler ticks once a second, too coarse for the
        // default 250 ms; the poll itself blocks (JDBC, Kafka acks), so it runs on a worker thread
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> {
            if (polling.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    poll();
                    return null;
                }, false).onComplete(done -> polling.set(false));
            }
        });
    }

    void poll() {
        try {
            int published;
            do {
                published = publishBatch();
            } while (published == config.batchSize());
        } catch (Exception e) {
            LOG.warnf("Outbox relay: publishing failed, will retry (%s)", e.toString());
        }
    }

    /** Publishes one batch; returns how many events were marked published. */
    public int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = relay(connection);
                connection.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int relay(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another replica is relaying
                }
            }
        }
        measureBacklog(connection);
        List<Pending> batch = pending(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        KafkaProducer<String, String> kafka = producer();
        for (Pending event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            record.headers().add("gpc-event-type", event.type().getBytes(StandardCharsets.UTF_8));
            record.headers().add("gpc-outbox-id", Long.toString(event.id()).getBytes(StandardCharsets.UTF_8));
            sends.add(kafka.send(record));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        int acknowledged = 0;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (Exception e) {
                LOG.warnf("Outbox relay: Kafka did not take event %d (%s); it and later events are retried",
                        batch.get(acknowledged).id(), e.getClass().getSimpleName());
                break;
            }
        }
        if (acknowledged > 0) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)")) {
                Long[] ids = batch.subList(0, acknowledged).stream().map(Pending::id).toArray(Long[]::new);
                mark.setArray(1, connection.createArrayOf("bigint", ids));
                mark.executeUpdate();
            }
        }
        return acknowledged;
    }

    private void measureBacklog(Connection connection) throws SQLException {
        try (PreparedStatement backlog = connection.prepareStatement(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint"
                        + " FROM outbox_event WHERE published_at IS NULL");
             ResultSet rs = backlog.executeQuery()) {
            if (rs.next()) {
                pendingEvents.set(rs.getLong(1));
                oldestPendingSeconds.set(rs.getLong(2));
            }
        }
    }

    private List<Pending> pending(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, event_key, event_type, payload FROM outbox_event"
                        + " WHERE published_at IS NULL ORDER BY id LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return batch;
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>(kafkaConfig); // bootstrap servers, TLS/SASL settings
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int timeoutMs = (int) config.sendTimeout().toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    void close(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    private record Pending(long id, String topic, String key, String type, String payload) {
    }

}
