package org.gpconnect.senddocument.receive;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.gpconnect.senddocument.config.MailboxRegistry;
import org.gpconnect.senddocument.config.MailboxRegistry.PracticeMailbox;
import org.gpconnect.senddocument.config.SendDocumentConfig;
import org.gpconnect.senddocument.itk.ItkValidator;
import org.gpconnect.senddocument.mesh.MeshClient;
import org.jboss.logging.Logger;

/**
 * Polls every configured practice mailbox (send-document.md §1 step 4): handshake when due, finish
 * messages processed earlier whose acks or MESH acknowledge are outstanding, then list the inbox page by
 * page (only workflow {@value ItkValidator#WORKFLOW}) and process each message. Runs on a worker thread;
 * one poll at a time per instance, any number of instances (the database claim keeps them apart).
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);

    private final MailboxRegistry mailboxes;
    private final InboundProcessor processor;
    private final InboundClaims claims;
    private final MeshClientProvider mesh;
    private final SendDocumentConfig config;
    private final ReceivingMetrics metrics;
    private final String instance;
    private final Map<String, Instant> handshakes = new ConcurrentHashMap<>();

    public MailboxPoller(MailboxRegistry mailboxes, InboundProcessor processor, InboundClaims claims, MeshClientProvider mesh,
                         SendDocumentConfig config, ReceivingMetrics metrics) {
        this.mailboxes = mailboxes;
        this.metrics = metrics;
        this.processor = processor;
        this.claims = claims;
        this.mesh = mesh;
        this.config = config;
        this.instance = hostName() + "/" + UUID.randomUUID();
    }

    void cleanSpool(@Observes StartupEvent event) {
        // spool files of messages a previous run did not finish: they are downloaded again
        InboundProcessor.deleteQuietly(config.spoolDirectory());
    }

    @Scheduled(every = "${gpconnect.send-document.polling.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        if (config.polling().enabled()) {
            pollAll(instance);
        }
    }

    /** One poll of every mailbox as {@code instanceId} (tests pass two ids to act as two replicas). */
    public Map<InboundProcessor.Result, Integer> pollAll(String instanceId) {
        Map<InboundProcessor.Result, Integer> results = new EnumMap<>(InboundProcessor.Result.class);
        for (PracticeMailbox mailbox : mailboxes.mailboxes()) {
            try {
                metrics.polled(mailbox, poll(mailbox, instanceId, results));
            } catch (Exception e) {
                metrics.polled(mailbox, null);
                LOG.warnf("Mailbox %s of %s: poll failed (%s); next poll in %s", mailbox.mailboxId(), mailbox.practiceOds(),
                        InboundProcessor.rootCause(e), config.polling().interval());
            }
        }
        return results;
    }

    /** This instance's claim holder id. */
    public String instance() {
        return instance;
    }

    /** @return how many Send Document messages the inbox listed */
    private int poll(PracticeMailbox mailbox, String instanceId, Map<InboundProcessor.Result, Integer> results) throws Exception {
        MeshClient client = mesh.client();
        long timeout = config.mesh().requestTimeout().toMillis() * (config.mesh().retry().maxAttempts() + 1L)
                + config.mesh().retry().maxBackoff().toMillis() * config.mesh().retry().maxAttempts();
        Instant last = handshakes.get(mailbox.mailboxId());
        if (last == null || last.plus(config.polling().handshakeInterval()).isBefore(Instant.now())) {
            client.handshake(mailbox).get(timeout, TimeUnit.MILLISECONDS);
            handshakes.put(mailbox.mailboxId(), Instant.now());
        }
        for (String unfinished : claims.unfinished(mailbox.practiceOds())) {
            processor.finish(mailbox, unfinished, instanceId);
        }
        String continueFrom = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        do {
            MeshClient.InboxPage page = client.listInbox(mailbox, ItkValidator.WORKFLOW, config.polling().pageSize(), continueFrom)
                    .get(timeout, TimeUnit.MILLISECONDS);
            boolean anyNew = false;
            for (String messageId : page.messageIds()) {
                if (seen.add(messageId)) {
                    anyNew = true;
                    results.merge(processor.process(mailbox, messageId, instanceId), 1, Integer::sum);
                }
            }
            // a page of messages seen already in this poll ends it (the inbox changed under the paging)
            continueFrom = anyNew ? page.continueFrom() : null;
        } while (continueFrom != null);
        return seen.size();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
