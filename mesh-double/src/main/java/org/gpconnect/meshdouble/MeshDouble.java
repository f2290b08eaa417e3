package org.gpconnect.meshdouble;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A MESH API server for tests and the local run (send-document.md §2.1), so that the real MESH client is
 * what the tests exercise. It speaks the paths, headers and status codes of the MESH API v2: handshake,
 * inbox list with {@code max_results}/{@code continue_from}/{@code workflow_filter} paging, download with
 * 206 + {@code mex-chunk-range} and chunk URLs, 404 unknown / 410 expired, acknowledge, send (also
 * chunked), tracking and endpoint lookup. Every request's {@code NHSMESH} header is checked against the
 * shared secret and the mailbox password (403 otherwise) and {@code Accept} must ask for
 * {@code application/vnd.mesh.v2+json} (406 otherwise).
 *
 * <p>Faults for tests: a chunk cut half-way, transient 5xx answers, a callback when a message is
 * downloaded, expiry.
 */
public final class MeshDouble implements AutoCloseable {

    public static final String MESH_V2 = "application/vnd.mesh.v2+json";

    private final HttpServer server;
    private final ExecutorService executor;
    private final NhsMeshAuthorization authorization;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    /** mailbox -> (message id -> message), in arrival order. */
    private final Map<String, Map<String, StoredMessage>> inboxes = new ConcurrentHashMap<>();
    private final Map<String, StoredMessage> byId = new ConcurrentHashMap<>();
    /** (ODS, workflow) -> mailbox, for the endpoint lookup. */
    private final Map<String, String> addressBook = new ConcurrentHashMap<>();
    private final Map<String, Integer> chunkCuts = new ConcurrentHashMap<>();
    private final Map<String, Runnable> downloadHooks = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acknowledgements = new ConcurrentHashMap<>();
    private volatile boolean forgetAcknowledgedBodies;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger transientFailures = new AtomicInteger();
    private volatile int transientStatus = 503;
    private final AtomicLong sequence = new AtomicLong();
    private volatile int chunkSize = 1024 * 1024;

    /** A request as the double received it (for assertions on headers). */
    public record RecordedRequest(String method, String path, String authorization, String accept, int status,
                                  String refusal) {
    }

    private MeshDouble(HttpServer server, String sharedSecret) {
        this.server = server;
        this.authorization = new NhsMeshAuthorization(sharedSecret);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "mesh-double");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/messageexchange", this::handle);
        server.start();
    }

    /** Starts a plain-HTTP double on 127.0.0.1 ({@code port} 0: any free port). */
    public static MeshDouble start(int port, String sharedSecret) throws IOException {
        return new MeshDouble(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0), sharedSecret);
    }

    /** Starts an HTTPS double; with {@code needClientAuth} it demands a client certificate (TLS-MA). */
    public static MeshDouble startTls(int port, String sharedSecret, SSLContext tls, boolean needClientAuth) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                params.setNeedClientAuth(needClientAuth);
            }
        });
        return new MeshDouble(https, sharedSecret);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public MeshDouble mailbox(String mailboxId, String password) {
        passwords.put(mailboxId, password);
        inboxes.computeIfAbsent(mailboxId, k -> new LinkedHashMap<>());
        return this;
    }

    /** Registers the mailbox of an organisation for a workflow (endpoint lookup). */
    public MeshDouble address(String odsCode, String workflowId, String mailboxId) {
        addressBook.put(odsCode + "/" + workflowId, mailboxId);
        return this;
    }

    /**
     * Drops a message's body once its recipient acknowledges it, as MESH takes it off the inbox: for the local
     * run, where every report kept would stay on the heap until the suite stops. {@link #redeliver} can then
     * no longer put such a message back (tests that simulate a lost acknowledgement leave this off).
     */
    public MeshDouble forgetAcknowledgedBodies() {
        this.forgetAcknowledgedBodies = true;
        return this;
    }

    /** Chunk size of messages put in an inbox by {@link #deposit}; larger bodies are served in chunks. */
    public MeshDouble chunkSize(int bytes) {
        this.chunkSize = bytes;
        return this;
    }

    /** Puts a message into a mailbox's inbox as if a sender had sent it; returns its message id. */
    public String deposit(Deposit message) {
        List<byte[]> chunks = new ArrayList<>();
        byte[] body = message.body;
        for (int at = 0; at < body.length || chunks.isEmpty(); at += chunkSize) {
            chunks.add(java.util.Arrays.copyOfRange(body, at, Math.min(body.length, at + chunkSize)));
        }
        Map<String, String> headers = new HashMap<>(message.headers);
        headers.putIfAbsent("content-type", "application/octet-stream");
        return store(message.to, headers, chunks);
    }

    /** The messages waiting in a mailbox's inbox (not acknowledged, not expired), oldest first. */
    public List<StoredMessage> inbox(String mailboxId) {
        synchronized (inboxFor(mailboxId)) {
            return inboxFor(mailboxId).values().stream().filter(m -> !m.acknowledged() && !m.expired()).toList();
        }
    }

    public StoredMessage message(String messageId) {
        return byId.get(messageId);
    }

    /** The next {@code times} downloads of that chunk stop half-way through the body. */
    public void cutChunk(String messageId, int chunkNumber, int times) {
        chunkCuts.put(messageId + "/" + chunkNumber, times);
    }

    /** The next {@code count} authenticated requests are answered with {@code status} (e.g. 503). */
    public void failNextRequests(int status, int count) {
        transientStatus = status;
        transientFailures.set(count);
    }

    /** Runs once, when the message's first chunk is requested, before it is served. */
    public void onDownload(String messageId, Runnable hook) {
        downloadHooks.put(messageId, hook);
    }

    /** The message has passed MESH's retention: downloads answer 410. */
    public void expire(String messageId) {
        StoredMessage message = byId.get(messageId);
        if (message != null) {
            message.expire();
        }
    }

    /**
     * Puts an acknowledged message back into the inbox, as MESH does when an acknowledgement is lost: the
     * receiver must not process it twice.
     */
    public void redeliver(String messageId) {
        StoredMessage message = byId.get(messageId);
        if (message != null) {
            message.redeliver();
        }
    }

    /** How many times the message's last chunk was served in full. */
    public int downloadCount(String messageId) {
        return downloads.getOrDefault(messageId, new AtomicInteger()).get();
    }

    public int acknowledgeCount(String messageId) {
        return acknowledgements.getOrDefault(messageId, new AtomicInteger()).get();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------

    private String store(String recipient, Map<String, String> headers, List<byte[]> chunks) {
        String id = String.format("%014d%06d_%s", System.currentTimeMillis() / 1000, sequence.incrementAndGet(), "DOUBLE");
        StoredMessage message = new StoredMessage(id, recipient, headers, chunks);
        Map<String, StoredMessage> inbox = inboxFor(recipient);
        synchronized (inbox) {
            inbox.put(id, message);
        }
        byId.put(id, message);
        return id;
    }

    private Map<String, StoredMessage> inboxFor(String mailbox) {
        return inboxes.computeIfAbsent(mailbox, k -> new LinkedHashMap<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String[] parts = path.substring(1).split("/");
            // parts[0] = messageexchange
            if (parts.length >= 4 && parts[1].equals("endpointlookup")) {
                respond(exchange, authorize(exchange, null) ? lookup(parts[2], parts[3]) : null);
                return;
            }
            if (parts.length < 2) {
                respond(exchange, Response.status(404));
                return;
            }
            String mailbox = parts[1];
            if (!authorize(exchange, mailbox)) {
                return;
            }
            String method = exchange.getRequestMethod();
            Response response;
            if (parts.length == 2 && method.equals("POST")) {
                response = handshake(exchange, mailbox);
            } else if (parts.length == 3 && parts[2].equals("inbox") && method.equals("GET")) {
                response = list(exchange, mailbox);
            } else if (parts.length == 4 && parts[2].equals("inbox") && method.equals("GET")) {
                download(exchange, mailbox, parts[3], 1);
                return;
            } else if (parts.length == 5 && parts[2].equals("inbox") && method.equals("GET")) {
                download(exchange, mailbox, parts[3], Integer.parseInt(parts[4]));
                return;
            } else if (parts.length == 6 && parts[2].equals("inbox") && parts[4].equals("status")
                    && parts[5].equals("acknowledged") && method.equals("PUT")) {
                response = acknowledge(mailbox, parts[3]);
            } else if (parts.length == 3 && parts[2].equals("outbox") && method.equals("POST")) {
                response = send(exchange, mailbox);
            } else if (parts.length == 5 && parts[2].equals("outbox") && method.equals("POST")) {
                response = sendChunk(exchange, mailbox, parts[3], Integer.parseInt(parts[4]));
            } else if (parts.length == 4 && parts[2].equals("outbox") && parts[3].equals("tracking") && method.equals("GET")) {
                response = tracking(exchange);
            } else {
                response = Response.status(404);
            }
            respond(exchange, response);
        } catch (CutConnection cut) {
            throw cut;
        } catch (RuntimeException e) {
            // an unexpected request shape: answer like a server would, never crash the test
            try {
                exchange.sendResponseHeaders(500, -1);
            } catch (IOException ignored) {
                // the client went away
            }
        }
    }

    /** Checks Accept and the NHSMESH token; answers 406/403 itself and returns false when refused. */
    private boolean authorize(HttpExchange exchange, String mailbox) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String tokenMailbox = mailbox;
        if (tokenMailbox == null && header != null && header.startsWith("NHSMESH ") && header.contains(":")) {
            tokenMailbox = header.substring(8, header.indexOf(':'));
        }
        String refusal = authorization.refusal(header, tokenMailbox, tokenMailbox == null ? null : passwords.get(tokenMailbox));
        if (refusal != null) {
            requests.add(new RecordedRequest(method, path, header, accept, 403, refusal));
            send(exchange, 403, "{\"errorDescription\":\"" + refusal + "\"}");
            return false;
        }
        if (accept == null || !accept.contains(MESH_V2)) {
            requests.add(new RecordedRequest(method, path, header, accept, 406, "Accept is not " + MESH_V2));
            send(exchange, 406, "{\"errorDescription\":\"Accept must be " + MESH_V2 + "\"}");
            return false;
        }
        if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            requests.add(new RecordedRequest(method, path, header, accept, transientStatus, "injected"));
            send(exchange, transientStatus, "{\"errorDescription\":\"injected transient failure\"}");
            return false;
        }
        requests.add(new RecordedRequest(method, path, header, accept, 0, null));
        return true;
    }

    private Response handshake(HttpExchange exchange, String mailbox) {
        var h = exchange.getRequestHeaders();
        for (String required : List.of("mex-clientversion", "mex-osname", "mex-osversion")) {
            if (h.getFirst(required) == null) {
                return Response.json(400, "{\"errorDescription\":\"missing " + required + "\"}");
            }
        }
        return Response.json(200, "{\"mailboxId\":\"" + mailbox + "\"}");
    }

    private Response list(HttpExchange exchange, String mailbox) {
        Map<String, String> query = query(exchange.getRequestURI());
        int max = Integer.parseInt(query.getOrDefault("max_results", "500"));
        String continueFrom = query.get("continue_from");
        String workflow = query.get("workflow_filter");
        List<StoredMessage> waiting = inbox(mailbox).stream()
                .filter(m -> workflow == null || workflow.equals(m.workflowId()))
                .toList();
        int start = 0;
        if (continueFrom != null) {
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i).messageId().equals(continueFrom)) {
                    start = i + 1;
                }
            }
        }
        List<StoredMessage> page = waiting.subList(Math.min(start, waiting.size()), Math.min(waiting.size(), start + max));
        StringBuilder json = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < page.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(page.get(i).messageId()).append('"');
        }
        String self = "/messageexchange/" + mailbox + "/inbox?max_results=" + max
                + (workflow == null ? "" : "&workflow_filter=" + workflow);
        json.append("],\"links\":{\"self\":\"").append(self).append('"');
        if (start + max < waiting.size()) {
            json.append(",\"next\":\"").append(self).append("&continue_from=").append(page.get(page.size() - 1).messageId()).append('"');
        }
        json.append("},\"approx_inbox_count\":").append(waiting.size()).append('}');
        return Response.json(200, json.toString());
    }

    private void download(HttpExchange exchange, String mailbox, String messageId, int chunk) throws IOException {
        StoredMessage message = byId.get(messageId);
        if (message == null || !message.recipient().equals(mailbox) || message.acknowledged()) {
            send(exchange, 404, "{\"errorDescription\":\"message not found\"}");
            return;
        }
        if (message.expired()) {
            send(exchange, 410, "{\"errorDescription\":\"message expired\"}");
            return;
        }
        if (chunk < 1 || chunk > message.chunkCount()) {
            send(exchange, 404, "{\"errorDescription\":\"chunk not found\"}");
            return;
        }
        if (chunk == 1) {
            Runnable hook = downloadHooks.remove(messageId);
            if (hook != null) {
                hook.run();
            }
        }
        var headers = exchange.getResponseHeaders();
        message.headers().forEach(headers::set);
        headers.set("mex-messageid", messageId);
        headers.set("mex-messagetype", "DATA");
        headers.set("mex-chunk-range", chunk + ":" + message.chunkCount());
        byte[] body = message.chunk(chunk);
        // MESH: 206 for every chunk but the last of a chunked message, 200 for a whole message
        int status = message.chunkCount() > 1 && chunk < message.chunkCount() ? 206 : 200;
        String cutKey = messageId + "/" + chunk;
        Integer cuts = chunkCuts.get(cutKey);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        OutputStream out = exchange.getResponseBody();
        if (cuts != null && cuts > 0) {
            chunkCuts.put(cutKey, cuts - 1);
            out.write(body, 0, body.length / 2);
            out.flush();
            // the connection drops with half the announced bytes sent: an exception out of the handler
            // makes the JDK server close the socket
            throw new CutConnection();
        }
        out.write(body);
        out.close();
        if (chunk == message.chunkCount()) {
            downloads.computeIfAbsent(messageId, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private Response acknowledge(String mailbox, String messageId) {
        StoredMessage message = byId.get(messageId);
        if (message == null || !message.recipient().equals(mailbox)) {
            return Response.json(404, "{\"errorDescription\":\"message not found\"}");
        }
        message.acknowledge();
        if (forgetAcknowledgedBodies) {
            message.forgetBody();
        }
        acknowledgements.computeIfAbsent(messageId, k -> new AtomicInteger()).incrementAndGet();
        return Response.json(200, "{\"messageId\":\"" + messageId + "\"}");
    }

    private Response send(HttpExchange exchange, String from) throws IOException {
        var h = exchange.getRequestHeaders();
        String to = h.getFirst("mex-to");
        String workflow = h.getFirst("mex-workflowid");
        if (to == null || workflow == null) {
            return Response.json(400, "{\"errorDescription\":\"mex-to and mex-workflowid are required\"}");
        }
        if (!passwords.containsKey(to)) {
            return Response.json(417, "{\"errorDescription\":\"unknown recipient " + to + "\"}");
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("mex-to", "mex-workflowid", "mex-subject", "mex-localid", "mex-filename",
                "mex-content-checksum", "content-type", "content-encoding", "mex-content-compressed")) {
            if (h.getFirst(name) != null) {
                headers.put(name, h.getFirst(name));
            }
        }
        headers.put("mex-from", from);
        int total = 1;
        String range = h.getFirst("mex-chunk-range");
        if (range != null && range.contains(":")) {
            total = Integer.parseInt(range.substring(range.indexOf(':') + 1));
        }
        List<byte[]> chunks = new ArrayList<>();
        chunks.add(body);
        for (int i = 1; i < total; i++) {
            chunks.add(new byte[0]);
        }
        String id = store(to, headers, chunks);
        return Response.json(202, "{\"message_id\":\"" + id + "\"}");
    }

    private Response sendChunk(HttpExchange exchange, String from, String messageId, int chunk) throws IOException {
        StoredMessage message = byId.get(messageId);
        if (message == null || !from.equals(message.header("mex-from"))) {
            return Response.json(404, "{\"errorDescription\":\"message not found\"}");
        }
        try (InputStream in = exchange.getRequestBody()) {
            message.replaceChunk(chunk, in.readAllBytes());
        }
        return Response.json(202, "{\"message_id\":\"" + messageId + "\"}");
    }

    private Response tracking(HttpExchange exchange) {
        String id = query(exchange.getRequestURI()).get("messageID");
        StoredMessage message = id == null ? null : byId.get(id);
        if (message == null) {
            return Response.json(404, "{\"errorDescription\":\"message not found\"}");
        }
        String status = message.acknowledged() ? "Acknowledged" : message.expired() ? "Expired" : "Accepted";
        return Response.json(200, "{\"message_id\":\"" + id + "\",\"status\":\"" + status + "\",\"recipient\":\""
                + message.recipient() + "\"}");
    }

    private Response lookup(String ods, String workflow) {
        String mailbox = addressBook.get(ods + "/" + workflow);
        String results = mailbox == null ? "" : "{\"address\":\"" + mailbox + "\",\"description\":\"" + ods
                + "\",\"endpoint_type\":\"MESH\"}";
        return Response.json(200, "{\"results\":[" + results + "]}");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, Response response) throws IOException {
        if (response != null) {
            send(exchange, response.status, response.body);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", MESH_V2);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static final class CutConnection extends RuntimeException {
        CutConnection() {
            super(null, null, false, false);
        }
    }

    private record Response(int status, String body) {
        static Response status(int status) {
            return new Response(status, null);
        }

        static Response json(int status, String body) {
            return new Response(status, body);
        }
    }

    /** A message put into an inbox by {@link #deposit}. */
    public static final class Deposit {
        private final String to;
        private final Map<String, String> headers = new HashMap<>();
        private byte[] body = new byte[0];

        private Deposit(String to) {
            this.to = to;
            headers.put("mex-to", to);
        }

        public static Deposit to(String mailbox) {
            return new Deposit(mailbox);
        }

        public Deposit from(String mailbox) {
            return header("mex-from", mailbox);
        }

        public Deposit workflow(String workflowId) {
            return header("mex-workflowid", workflowId);
        }

        public Deposit subject(String subject) {
            return header("mex-subject", subject);
        }

        public Deposit localId(String localId) {
            return header("mex-localid", localId);
        }

        /** The MESH To as the sender addressed it (automatic routing form or a mailbox id). */
        public Deposit meshTo(String to) {
            return header("mex-to", to);
        }

        public Deposit header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
            }
            return this;
        }

        public Deposit body(byte[] body, String contentType) {
            this.body = body;
            return header("content-type", contentType);
        }
    }
}
