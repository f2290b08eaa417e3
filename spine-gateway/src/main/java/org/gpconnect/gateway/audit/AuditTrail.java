package org.gpconnect.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gpconnect.common.event.AuditEventV1;
import org.gpconnect.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Keeps the audit trail (security-and-audit.md §3): every consumer request becomes an {@link AuditEventV1}
 * written to the gateway's database (table audit_record, for operators' queries) together with an outbox
 * row in the same statement, from which the relay publishes it to Kafka. Kafka being down therefore loses
 * nothing and fails no request. Records are written in small batches off the request path; a record waits
 * at most one flush interval in memory.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    static final String INSERT = """
            WITH audited AS (
                INSERT INTO audit_record (id, recorded_at, trace_id, interaction_id, consumer_asid, provider_asid, target_ods,
                    requesting_organization_ods, practitioner_id, practitioner_sds_user_id, practitioner_role_profile, device,
                    patient_nhs_number, http_method, request_path, http_status, outcome_code, latency_ms)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18))
            INSERT INTO outbox_event (topic, event_key, event_type, payload) VALUES ($19, $20, $21, $22)
            """;

    private final Pool pool;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final GatewayConfig.Audit config;
    private final ConcurrentLinkedQueue<AuditEventV1> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final Counter written;
    private final Counter dropped;
    private long timer = -1;

    public AuditTrail(Pool pool, ObjectMapper json, Vertx vertx, GatewayConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.json = json;
        this.vertx = vertx;
        this.config = config.audit();
        this.written = metrics.counter("gpconnect_gateway_audit_records_written_total");
        this.dropped = metrics.counter("gpconnect_gateway_audit_records_dropped_total");
        metrics.gauge("gpconnect_gateway_audit_records_pending", size);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.flushInterval().toMillis(), id -> flush());
    }

    /** Queues a record; it reaches the database within one flush interval. */
    public void record(AuditEventV1 event) {
        if (size.incrementAndGet() > config.maxPending()) {
            // only when the database has been unreachable for a long time; readiness is DOWN by then
            size.decrementAndGet();
            dropped.increment();
            LOG.errorf("Audit backlog full (%d records): record %s for trace %s could not be kept",
                    config.maxPending(), event.recordId(), event.traceId());
            return;
        }
        pending.add(event);
        if (size.get() >= config.batchSize()) {
            flush();
        }
    }

    /** Writes what is queued, one batch at a time; a failed batch is queued again. */
    void flush() {
        if (pending.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<AuditEventV1> batch = new ArrayList<>(config.batchSize());
        for (AuditEventV1 e; batch.size() < config.batchSize() && (e = pending.poll()) != null; ) {
            batch.add(e);
        }
        List<Tuple> rows = new ArrayList<>(batch.size());
        for (AuditEventV1 e : batch) {
            rows.add(tuple(e));
        }
        pool.preparedQuery(INSERT).executeBatch(rows).subscribe().with(
                done -> {
                    size.addAndGet(-batch.size());
                    written.increment(batch.size());
                    flushing.set(false);
                    if (!pending.isEmpty()) {
                        flush();
                    }
                },
                failure -> {
                    pending.addAll(batch); // keeps them; order within the trail is by recorded_at anyway
                    flushing.set(false);
                    LOG.warnf("Writing %d audit records failed, will retry (%s)", batch.size(), failure.toString());
                });
    }

    private Tuple tuple(AuditEventV1 e) {
        List<Object> values = new ArrayList<>(22);
        values.add(java.util.UUID.fromString(e.recordId()));
        values.add(e.recordedAt().atOffset(ZoneOffset.UTC));
        values.add(e.traceId());
        values.add(e.interactionId());
        values.add(e.consumerAsid());
        values.add(e.providerAsid());
        values.add(e.targetOds());
        values.add(e.requestingOrganizationOds());
        values.add(e.practitionerId());
        values.add(e.practitionerSdsUserId());
        values.add(e.practitionerRoleProfileId());
        values.add(e.device());
        values.add(e.patientNhsNumber());
        values.add(e.httpMethod());
        values.add(e.requestPath());
        values.add(e.httpStatus());
        values.add(e.outcomeCode());
        values.add((int) Math.min(Integer.MAX_VALUE, e.latencyMillis()));
        values.add(AuditEventV1.TOPIC);
        values.add(e.traceId() != null ? e.traceId() : e.recordId());
        values.add(AuditEventV1.TYPE);
        values.add(serialise(e));
        return Tuple.from(values);
    }

    private String serialise(AuditEventV1 e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("audit record cannot be written as JSON", ex);
        }
    }

    /** Writes what is left before the gateway stops. */
    void drain(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            flush();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
