package org.gpconnect.senddocument.receive;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gpconnect.senddocument.config.MailboxRegistry;
import org.gpconnect.senddocument.config.MailboxRegistry.PracticeMailbox;
import org.gpconnect.senddocument.itk.AckCode;
import org.jboss.logging.Logger;

/**
 * What SREs watch of the receiving pipeline (Prometheus, /q/metrics; k8s/dashboards and the suite's
 * PrometheusRule read these names). Tags are bounded: the practice's ODS code and mailbox id come from
 * configuration, ack codes and results from enums.
 * <ul>
 * <li>{@value #PROCESSED}: messages whose outcome was committed, by the ITK3 infrastructure ack code
 *     (20013 accepted, 10xxx/200xx rejected) and business ack code (30001-30003, {@code none} when rejected);</li>
 * <li>{@value #ATTEMPTS}: every attempt at a listed message, by result ({@code processed}, {@code failed}
 *     (retried later), {@code busy}, {@code already_processed}, {@code foreign}, {@code gone});</li>
 * <li>{@value #DURATION}: claim to committed outcome and acks sent, per attempt that held the claim
 *     (histogram);</li>
 * <li>{@value #INBOX_AGE}: age of the oldest message taken from the mailbox and not yet finished
 *     (RECEIVING or PROCESSED: failing, waiting for a retry, or its acks/MESH acknowledge outstanding),
 *     0 when there is none; measured from the database every {@value #MEASURE_EVERY} on every replica,
 *     growing between measurements;</li>
 * <li>{@value #INBOX_MESSAGES}: Send Document messages in the MESH inbox when this replica last listed it
 *     (the inbox depth, e.g. for scaling);</li>
 * <li>{@value #POLLS}: polls of the mailbox by outcome ({@code success}, {@code failure}).</li>
 * </ul>
 */
@ApplicationScoped
public class ReceivingMetrics {

    static final String PROCESSED = "gpconnect_send_document_messages_processed";
    static final String ATTEMPTS = "gpconnect_send_document_message_attempts";
    static final String DURATION = "gpconnect_send_document_message_processing_duration";
    static final String INBOX_AGE = "gpconnect_send_document_mesh_inbox_oldest_age_seconds";
    static final String INBOX_MESSAGES = "gpconnect_send_document_mesh_inbox_messages";
    static final String POLLS = "gpconnect_send_document_mesh_polls";
    static final String MEASURE_EVERY = "30s";

    private static final Logger LOG = Logger.getLogger(ReceivingMetrics.class);

    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private final MailboxRegistry mailboxes;
    /** Per mailbox id: epoch millis of the oldest unfinished message's first sighting, 0 for none (gauge state, held strongly). */
    private final Map<String, AtomicLong> oldestUnfinished = new ConcurrentHashMap<>();
    /** Per mailbox id: messages listed at the last poll (gauge state). */
    private final Map<String, AtomicLong> listed = new ConcurrentHashMap<>();

    public ReceivingMetrics(MeterRegistry registry, AgroalDataSource dataSource, MailboxRegistry mailboxes) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.mailboxes = mailboxes;
    }

    /** A message's outcome was committed (one per MESH message). */
    public void processed(PracticeMailbox mailbox, AckCode infrastructure, AckCode business) {
        Counter.builder(PROCESSED)
                .description("MESH messages whose outcome was committed, by ITK3 ack codes")
                .tags(tags(mailbox).and("infrastructure_ack", infrastructure.code(),
                        "business_ack", business == null ? "none" : business.code()))
                .register(registry).increment();
    }

    /** One attempt at a listed message ended with {@code result}; {@code nanos} is recorded for attempts that held the claim. */
    public void attempt(PracticeMailbox mailbox, InboundProcessor.Result result, long nanos, boolean claimed) {
        String name = result.name().toLowerCase(Locale.ROOT);
        Counter.builder(ATTEMPTS)
                .description("Attempts at MESH messages listed in a practice's inbox, by result")
                .tags(tags(mailbox).and("result", name))
                .register(registry).increment();
        if (claimed) {
            Timer.builder(DURATION)
                    .description("Claim to committed outcome and acks sent, per attempt")
                    .tags(tags(mailbox).and("result", name))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry).record(Duration.ofNanos(nanos));
        }
    }

    /** A poll of the mailbox ended; {@code listedMessages} is null when it failed. */
    public void polled(PracticeMailbox mailbox, Integer listedMessages) {
        Counter.builder(POLLS)
                .description("Polls of a practice's MESH mailbox, by outcome")
                .tags(tags(mailbox).and("outcome", listedMessages == null ? "failure" : "success"))
                .register(registry).increment();
        if (listedMessages != null) {
            listed(mailbox).set(listedMessages);
        }
    }

    /** Reads the oldest unfinished message of every mailbox from the database (every replica, polling or not). */
    @Scheduled(every = MEASURE_EVERY, delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void measureInbox() {
        if (mailboxes.mailboxes().isEmpty()) {
            return;
        }
        Map<String, Long> oldest = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT mailbox_id, min(first_seen_at) FROM mesh_inbound_message
                      WHERE status IN ('RECEIVING', 'PROCESSED') GROUP BY mailbox_id""");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Timestamp first = rs.getTimestamp(2);
                oldest.put(rs.getString(1), first == null ? 0L : first.getTime());
            }
        } catch (SQLException e) {
            // the age keeps growing from the last measurement; readiness reports the database
            LOG.debugf("MESH inbox age not measured: %s", e);
            return;
        }
        for (PracticeMailbox mailbox : mailboxes.mailboxes()) {
            oldest(mailbox).set(oldest.getOrDefault(mailbox.mailboxId(), 0L));
        }
    }

    /** The gauges of every configured mailbox exist from start-up (0 until measured). */
    void register(@Observes StartupEvent event) {
        mailboxes.mailboxes().forEach(m -> {
            oldest(m);
            listed(m);
        });
    }

    private AtomicLong oldest(PracticeMailbox mailbox) {
        return oldestUnfinished.computeIfAbsent(mailbox.mailboxId(), id -> {
            AtomicLong since = new AtomicLong();
            Gauge.builder(INBOX_AGE, since, s -> s.get() == 0 ? 0 : Math.max(0, System.currentTimeMillis() - s.get()) / 1000.0)
                    .description("Age of the oldest MESH message taken from the mailbox and not yet finished")
                    .tags(tags(mailbox)).register(registry);
            return since;
        });
    }

    private AtomicLong listed(PracticeMailbox mailbox) {
        return listed.computeIfAbsent(mailbox.mailboxId(), id -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder(INBOX_MESSAGES, count, AtomicLong::get)
                    .description("Send Document messages in the MESH inbox at this replica's last poll")
                    .tags(tags(mailbox)).register(registry);
            return count;
        });
    }

    private static Tags tags(PracticeMailbox mailbox) {
        return Tags.of("practice", mailbox.practiceOds(), "mailbox", mailbox.mailboxId());
    }
}
