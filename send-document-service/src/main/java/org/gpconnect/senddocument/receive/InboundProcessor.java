package org.gpconnect.senddocument.receive;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.gpconnect.senddocument.config.MailboxRegistry.PracticeMailbox;
import org.gpconnect.senddocument.config.SendDocumentConfig;
import org.gpconnect.senddocument.itk.AckCode;
import org.gpconnect.senddocument.itk.ItkFacts;
import org.gpconnect.senddocument.itk.ItkRejection;
import org.gpconnect.senddocument.itk.ItkValidator;
import org.gpconnect.senddocument.itk.MessageSplitter;
import org.gpconnect.senddocument.mesh.DownloadedMessage;
import org.gpconnect.senddocument.mesh.MeshClient;
import org.gpconnect.senddocument.mesh.MeshException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Processes one MESH message, at most once across replicas: claim it in the database, download it (chunk
 * by chunk, to a spool directory), split and validate it (send-document.md §3, §2.2), commit the outcome
 * in one transaction ({@link OutcomeWriter}), then send the acks and acknowledge it in MESH
 * ({@link AckDispatcher}). A failure before the commit (MESH, database) gives the claim back with a
 * back-off and leaves the message in MESH, so it is processed again later; nothing is half-written.
 */
@ApplicationScoped
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class);

    /** What happened to the message in this call (for the poller's log and the tests). */
    public enum Result { PROCESSED, ALREADY_PROCESSED, BUSY, FOREIGN, GONE, FAILED }

    private final InboundClaims claims;
    private final OutcomeWriter writer;
    private final AckDispatcher dispatcher;
    private final MeshClientProvider mesh;
    private final SendDocumentConfig config;
    private final ReceivingMetrics metrics;

    public InboundProcessor(InboundClaims claims, OutcomeWriter writer, AckDispatcher dispatcher, MeshClientProvider mesh,
                            SendDocumentConfig config, ReceivingMetrics metrics) {
        this.metrics = metrics;
        this.claims = claims;
        this.writer = writer;
        this.dispatcher = dispatcher;
        this.mesh = mesh;
        this.config = config;
    }

    public Result process(PracticeMailbox mailbox, String messageId, String instance) {
        String traceId = UUID.randomUUID().toString();
        MDC.put("traceId", traceId);
        long start = System.nanoTime();
        Result result = Result.FAILED;
        boolean claimed = false;
        try {
            InboundClaims.Claim claim = claims.claim(messageId, mailbox.practiceOds(), mailbox.mailboxId(), instance,
                    config.polling().claimLease());
            claimed = claim.result() == InboundClaims.Result.CLAIMED;
            result = switch (claim.result()) {
                case CLAIMED -> processClaimed(mailbox, messageId, instance, traceId, claim);
                case PROCESSED -> finish(mailbox, messageId, instance) ? Result.ALREADY_PROCESSED : Result.FAILED;
                case DONE -> Result.ALREADY_PROCESSED;
                case BUSY -> Result.BUSY;
            };
            return result;
        } catch (Exception e) {
            LOG.warnf("MESH message %s: could not be claimed (%s); it stays in MESH", messageId, e.toString());
            return Result.FAILED;
        } finally {
            metrics.attempt(mailbox, result, System.nanoTime() - start, claimed);
            MDC.remove("traceId");
        }
    }

    /** Sends outstanding acks and acknowledges in MESH, unless another instance is doing it. */
    public boolean finish(PracticeMailbox mailbox, String messageId, String instance) {
        try {
            if (!claims.claimForFinishing(messageId, instance, config.polling().claimLease())) {
                return false;
            }
            return dispatcher.finish(mailbox, messageId, timeout());
        } catch (Exception e) {
            LOG.warnf("MESH message %s: acks or acknowledge failed (%s); retried at the next poll", messageId, rootCause(e));
            return false;
        }
    }

    private Result processClaimed(PracticeMailbox mailbox, String messageId, String instance, String traceId,
                                  InboundClaims.Claim claim) {
        Path work = null;
        try {
            work = Files.createDirectories(config.spoolDirectory()).resolve(safe(messageId) + "-" + UUID.randomUUID());
            Files.createDirectories(work);
            MeshClient client = mesh.client();
            DownloadedMessage download;
            ItkFacts facts = new ItkFacts();
            ItkRejection rejection = null;
            try {
                download = client.download(mailbox, messageId, work.resolve("message"), config.documents().maxMessageSize().asLongValue())
                        .get(downloadTimeout(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof MeshClient.MessageGone gone) {
                    claims.close(messageId, instance, "GONE", "MESH answered " + gone.status());
                    LOG.warnf("MESH message %s is no longer in MESH (%d)", messageId, gone.status());
                    return Result.GONE;
                }
                if (cause instanceof MeshClient.MessageTooLarge) {
                    // nothing was read: answer 20015 quoting the MESH message id
                    rejection = new ItkRejection(AckCode.MESSAGE_TOO_LARGE, "The message is larger than "
                            + config.documents().maxMessageSize().asLongValue() + " bytes");
                    download = null;
                } else {
                    throw e;
                }
            }
            InboundContext context;
            if (download != null) {
                String workflow = download.header("mex-workflowid");
                if (workflow != null && !ItkValidator.WORKFLOW.equals(workflow)) {
                    // another application's message in a shared mailbox: not ours to answer or acknowledge
                    claims.close(messageId, instance, "FOREIGN", "workflow " + workflow);
                    return Result.FOREIGN;
                }
                context = new InboundContext(messageId, mailbox, claim.documentId(), instance, traceId,
                        download.header("mex-from"), download.header("mex-to"), download.header("mex-subject"),
                        download.header("mex-localid"), workflow);
                rejection = readAndValidate(download, context, work, facts);
            } else {
                context = new InboundContext(messageId, mailbox, claim.documentId(), instance, traceId, null, null, null, null, null);
            }
            OutcomeWriter.Outcome outcome = writer.commit(context, facts, rejection);
            metrics.processed(mailbox, outcome.infrastructure(), outcome.business());
            LOG.infof("MESH message %s from %s: infrastructure %s, business %s%s", messageId, context.from(),
                    outcome.infrastructure().code(), outcome.business() == null ? "-" : outcome.business().code(),
                    outcome.diagnostics() == null ? "" : " (" + outcome.diagnostics() + ")");
        } catch (Exception e) {
            Duration backoff = backoff(claim.attempt());
            LOG.warnf("MESH message %s: processing failed (attempt %d: %s); not acknowledged, retried in %s",
                    messageId, claim.attempt(), rootCause(e), backoff);
            try {
                claims.release(messageId, instance, rootCause(e), backoff);
            } catch (Exception releaseFailed) {
                // the database is down as well: the claim's lease runs out and the message is retried then
                LOG.debugf("claim of %s not released: %s", messageId, releaseFailed);
            }
            return Result.FAILED;
        } finally {
            deleteQuietly(work);
        }
        finish(mailbox, messageId, instance);
        return Result.PROCESSED;
    }

    private ItkRejection readAndValidate(DownloadedMessage download, InboundContext context, Path work, ItkFacts facts)
            throws IOException {
        MessageSplitter splitter = new MessageSplitter(config.documents().maxStructureSize().asLongValue(),
                config.documents().maxAttachmentSize().asLongValue());
        ItkValidator validator = new ItkValidator(new HashSet<>(config.documents().approvedContentTypes()));
        try (InputStream body = decompressed(download)) {
            MessageSplitter.SplitMessage split = splitter.split(body, work);
            validator.validate(split, new ItkValidator.MeshMetadata(context.from(), context.to(), context.localId(),
                    context.subject(), context.mailbox().mailboxId()), facts);
            return null;
        } catch (ItkRejection rejection) {
            return rejection;
        } catch (java.util.zip.ZipException e) {
            return new ItkRejection(AckCode.UNREADABLE_MESSAGE, "The message is marked compressed but is not gzip");
        }
    }

    private static InputStream decompressed(DownloadedMessage download) throws IOException {
        InputStream raw = download.open();
        String compressed = download.header("mex-content-compressed");
        String encoding = download.header("content-encoding");
        if ("Y".equalsIgnoreCase(compressed) || (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip"))) {
            return new GZIPInputStream(raw, 64 * 1024);
        }
        return raw;
    }

    private Duration backoff(int attempt) {
        Duration base = config.polling().retryBackoff();
        Duration max = config.polling().maxRetryBackoff();
        long millis = base.toMillis() << Math.min(16, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    private long downloadTimeout() {
        // every chunk may use all its attempts; a generous bound that still ends a hung download
        return config.mesh().requestTimeout().toMillis() * config.mesh().retry().maxAttempts() * 64;
    }

    private Duration timeout() {
        return config.mesh().requestTimeout().multipliedBy(config.mesh().retry().maxAttempts() + 1L)
                .plus(config.mesh().retry().maxBackoff().multipliedBy(config.mesh().retry().maxAttempts()));
    }

    private static String safe(String messageId) {
        return messageId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof MeshException) {
                break;
            }
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // cleaned at the next start-up
                }
            });
        } catch (IOException ignored) {
            // cleaned at the next start-up
        }
    }
}
