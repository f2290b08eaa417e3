package org.gpconnect.senddocument.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.gpconnect.senddocument.config.MailboxRegistry.PracticeMailbox;
import org.jboss.logging.Logger;

/**
 * The MESH API client (send-document.md §2.1) on the JDK's non-blocking {@link HttpClient}: one pooled
 * client, a fresh {@code NHSMESH} token per request, bodies streamed to files (a chunked download never
 * sits in the heap), and retries with exponential back-off and jitter on transient failures only (I/O
 * errors, timeouts, 408/429/5xx), one chunk at a time, so a download cut half-way resumes at the chunk
 * that failed.
 */
public final class MeshClient {

    private static final Logger LOG = Logger.getLogger(MeshClient.class);
    public static final String ACCEPT = "application/vnd.mesh.v2+json";

    /** Settings of the client (from {@code gpconnect.send-document.mesh.*}). */
    public record Settings(URI baseUrl, String sharedSecret, Duration connectTimeout, Duration requestTimeout,
                           int maxAttempts, Duration initialBackoff, Duration maxBackoff, SSLContext tls,
                           String clientVersion) {
    }

    /** One page of an inbox listing; {@code continueFrom} is null on the last page. */
    public record InboxPage(List<String> messageIds, String continueFrom) {
    }

    /** A message sent through MESH (send-document.md §2.1 "Send"). */
    public record OutgoingMessage(String to, String workflowId, String subject, String localId, String fileName,
                                  String contentType, byte[] body) {
    }

    private final Settings settings;
    private final HttpClient http;
    private final MeshAuthorization authorization;
    private final ObjectMapper json = new ObjectMapper();

    public MeshClient(Settings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.tls() != null) {
            builder.sslContext(settings.tls());
        }
        this.http = builder.build();
        this.authorization = new MeshAuthorization(settings.sharedSecret(), java.time.Clock.systemUTC());
    }

    /** Handshake / validate mailbox (MESH asks for one at least daily). */
    public CompletableFuture<Void> handshake(PracticeMailbox mailbox) {
        return retrying("handshake " + mailbox.mailboxId(), () -> {
            HttpRequest request = request(mailbox, "/messageexchange/" + mailbox.mailboxId())
                    .header("mex-clientversion", settings.clientVersion())
                    .header("mex-osname", System.getProperty("os.name", "Linux"))
                    .header("mex-osversion", System.getProperty("os.version", "unknown"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> {
                        expect(response, "handshake", 200);
                        return null;
                    });
        });
    }

    /** One page of the inbox, only messages of {@code workflowId}. */
    public CompletableFuture<InboxPage> listInbox(PracticeMailbox mailbox, String workflowId, int maxResults, String continueFrom) {
        String query = "?max_results=" + maxResults + "&workflow_filter=" + encode(workflowId)
                + (continueFrom == null ? "" : "&continue_from=" + encode(continueFrom));
        return retrying("list inbox " + mailbox.mailboxId(), () -> http.sendAsync(
                        request(mailbox, "/messageexchange/" + mailbox.mailboxId() + "/inbox" + query).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    expect(response, "list inbox", 200);
                    return page(response.body());
                }));
    }

    /**
     * Downloads a message into {@code spool} (one file per chunk, {@code <spool>.<n>}), chunk by chunk;
     * a failed chunk is retried on its own. Fails with {@link MessageTooLarge} as soon as the announced
     * sizes pass {@code maxBytes}.
     */
    public CompletableFuture<DownloadedMessage> download(PracticeMailbox mailbox, String messageId, Path spool, long maxBytes) {
        String path = "/messageexchange/" + mailbox.mailboxId() + "/inbox/" + encode(messageId);
        Path first = chunkFile(spool, 1);
        return retrying("download " + messageId, () -> fetchChunk(mailbox, path, first, maxBytes))
                .thenCompose(response -> {
                    HttpHeaders headers = response.headers();
                    int total = chunkTotal(headers.firstValue("mex-chunk-range").orElse(null));
                    List<Path> parts = new ArrayList<>(List.of(first));
                    long size = sizeOf(first);
                    CompletableFuture<Long> chain = CompletableFuture.completedFuture(size);
                    for (int n = 2; n <= total; n++) {
                        int chunk = n;
                        Path file = chunkFile(spool, chunk);
                        parts.add(file);
                        chain = chain.thenCompose(sofar -> retrying("download " + messageId + " chunk " + chunk,
                                () -> fetchChunk(mailbox, path + "/" + chunk, file, maxBytes - sofar))
                                .thenApply(ignored -> sofar + sizeOf(file)));
                    }
                    return chain.thenApply(totalSize -> new DownloadedMessage(messageId, metadata(headers), parts, totalSize));
                });
    }

    /** Acknowledges (removes from the inbox) a message; an already removed one counts as acknowledged. */
    public CompletableFuture<Void> acknowledge(PracticeMailbox mailbox, String messageId) {
        String path = "/messageexchange/" + mailbox.mailboxId() + "/inbox/" + encode(messageId) + "/status/acknowledged";
        return retrying("acknowledge " + messageId, () -> http.sendAsync(
                        request(mailbox, path).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() == 404 || response.statusCode() == 410) {
                        LOG.infof("MESH message %s was already gone when acknowledged (%d)", messageId, response.statusCode());
                        return null;
                    }
                    expect(response, "acknowledge", 200);
                    return null;
                }));
    }

    /** Sends a (small, unchunked) message; returns its MESH message id. */
    public CompletableFuture<String> send(PracticeMailbox mailbox, OutgoingMessage message) {
        return retrying("send to " + message.to(), () -> {
            HttpRequest.Builder request = request(mailbox, "/messageexchange/" + mailbox.mailboxId() + "/outbox")
                    .header("mex-to", message.to())
                    .header("mex-workflowid", message.workflowId())
                    .header("content-type", message.contentType())
                    .header("mex-content-checksum", "sha256:" + sha256(message.body()));
            if (message.subject() != null) {
                request.header("mex-subject", message.subject());
            }
            if (message.localId() != null) {
                request.header("mex-localid", message.localId());
            }
            if (message.fileName() != null) {
                request.header("mex-filename", message.fileName());
            }
            return http.sendAsync(request.POST(HttpRequest.BodyPublishers.ofByteArray(message.body())).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> {
                        expect(response, "send", 202);
                        try {
                            JsonNode body = json.readTree(response.body());
                            JsonNode id = body.has("message_id") ? body.get("message_id") : body.get("messageID");
                            if (id == null) {
                                throw new MeshException("send: no message_id in the answer", 202, false, null);
                            }
                            return id.asText();
                        } catch (IOException e) {
                            throw new MeshException("send: unreadable answer", 202, false, e);
                        }
                    });
        });
    }

    // ------------------------------------------------------------------------------------------------

    private CompletableFuture<HttpResponse<Path>> fetchChunk(PracticeMailbox mailbox, String path, Path file, long allowance) {
        HttpResponse.BodyHandler<Path> handler = info -> {
            if (info.statusCode() != 200 && info.statusCode() != 206) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            long length = info.headers().firstValueAsLong("content-length").orElse(-1);
            if (length > allowance) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            // TRUNCATE: a retried chunk overwrites what a cut attempt left
            return HttpResponse.BodySubscribers.ofFile(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        };
        return http.sendAsync(request(mailbox, path).GET().build(), handler).thenApply(response -> {
            int status = response.statusCode();
            if (status == 404) {
                throw new MessageGone(path, 404);
            }
            if (status == 410) {
                throw new MessageGone(path, 410);
            }
            if (status != 200 && status != 206) {
                throw new MeshException("download " + path + ": HTTP " + status, status, MeshException.isTransientStatus(status), null);
            }
            if (response.body() == null) {
                throw new MessageTooLarge(path);
            }
            if (sizeOf(file) > allowance) {
                throw new MessageTooLarge(path);
            }
            return response;
        });
    }

    private HttpRequest.Builder request(PracticeMailbox mailbox, String path) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + path))
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization.header(mailbox.mailboxId(), mailbox.password()))
                .header("Accept", ACCEPT);
    }

    /** Runs a request, retrying transient failures with exponential back-off and full jitter. */
    private <T> CompletableFuture<T> retrying(String what, Supplier<CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(what, attempt, 1, result);
        return result;
    }

    private <T> void attempt(String what, Supplier<CompletableFuture<T>> attempt, int number, CompletableFuture<T> result) {
        CompletableFuture<T> call;
        try {
            call = attempt.get();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(error);
            boolean retry = isTransient(cause) && number < settings.maxAttempts();
            if (!retry) {
                result.completeExceptionally(cause instanceof MeshException ? cause
                        : new MeshException(what + ": " + cause, 0, isTransient(cause), cause));
                return;
            }
            long cap = Math.min(settings.maxBackoff().toMillis(), settings.initialBackoff().toMillis() << Math.min(20, number - 1));
            long delay = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
            LOG.warnf("MESH %s failed (attempt %d of %d: %s); retrying in %d ms", what, number, settings.maxAttempts(),
                    cause.toString(), delay);
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
                    .execute(() -> attempt(what, attempt, number + 1, result));
        });
    }

    static boolean isTransient(Throwable error) {
        if (error instanceof MeshException mesh) {
            return mesh.transientFailure();
        }
        return error instanceof IOException || error instanceof HttpTimeoutException;
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof java.util.concurrent.ExecutionException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private static void expect(HttpResponse<?> response, String what, int expected) {
        int status = response.statusCode();
        if (status != expected && !(expected == 202 && status == 200)) {
            throw new MeshException(what + ": HTTP " + status + " " + response.body(), status, MeshException.isTransientStatus(status), null);
        }
    }

    private InboxPage page(String body) {
        try {
            JsonNode root = json.readTree(body);
            List<String> ids = new ArrayList<>();
            root.path("messages").forEach(id -> ids.add(id.asText()));
            String next = root.path("links").path("next").asText(null);
            String continueFrom = null;
            if (next != null && next.contains("continue_from=")) {
                String rest = next.substring(next.indexOf("continue_from=") + "continue_from=".length());
                continueFrom = java.net.URLDecoder.decode(rest.split("&")[0], StandardCharsets.UTF_8);
            }
            return new InboxPage(ids, continueFrom);
        } catch (IOException e) {
            throw new MeshException("list inbox: unreadable answer", 200, false, e);
        }
    }

    private static Map<String, String> metadata(HttpHeaders headers) {
        Map<String, String> metadata = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!values.isEmpty() && (lower.startsWith("mex-") || lower.equals("content-type") || lower.equals("content-encoding"))) {
                metadata.put(lower, values.get(0));
            }
        });
        return metadata;
    }

    static int chunkTotal(String range) {
        if (range == null || !range.contains(":")) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(range.substring(range.indexOf(':') + 1).trim()));
        } catch (NumberFormatException e) {
            throw new MeshException("malformed mex-chunk-range " + range, 200, false, e);
        }
    }

    private static Path chunkFile(Path spool, int chunk) {
        return spool.resolveSibling(spool.getFileName() + "." + chunk);
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message is not (or no longer) in the inbox: 404 unknown, 410 expired. */
    public static final class MessageGone extends MeshException {
        MessageGone(String path, int status) {
            super(path + ": HTTP " + status, status, false, null);
        }
    }

    /** The message is larger than this service accepts (ITK 20015). */
    public static final class MessageTooLarge extends MeshException {
        MessageTooLarge(String path) {
            super(path + ": larger than the configured maximum message size", 0, false, null);
        }
    }
}
