package org.gpconnect.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway streams bodies both ways (ARCHITECTURE.md "Layers"; the gateway issue's "Forwarding"): a
 * gateway limited to a 96 MB heap carries a 256 MB request body to a service and a 256 MB response back.
 * Buffering either would exhaust its heap.
 */
class StreamingThroughTheGatewayTest {

    private static final long BODY_BYTES = 256L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private static Vertx vertx;
    private static final AtomicLong receivedByService = new AtomicLong();
    private static int gatewayPort;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        int servicePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            servicePort = socket.getLocalPort();
        }
        // a stand-in appointment-service: counts what arrives, then streams back as much again
        HttpServer service = vertx.createHttpServer().requestHandler(request -> {
            receivedByService.set(0);
            request.handler(chunk -> receivedByService.addAndGet(chunk.length()));
            request.endHandler(v -> {
                var response = request.response().setChunked(true).putHeader("Content-Type", "application/fhir+json");
                Buffer chunk = Buffer.buffer(new byte[CHUNK]);
                writeChunks(response, chunk, BODY_BYTES / CHUNK);
            });
        });
        service.listen(servicePort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        gatewayPort = RunningSuite.get().startAdditionalGateway("http://127.0.0.1:" + servicePort, "96m", Duration.ofMinutes(2));
    }

    /** Writes with back-pressure: waits for the connection to drain instead of queueing everything. */
    private static void writeChunks(io.vertx.core.http.HttpServerResponse response, Buffer chunk, long remaining) {
        long left = remaining;
        while (left > 0 && !response.writeQueueFull()) {
            response.write(chunk);
            left--;
        }
        if (left == 0) {
            response.end();
        } else {
            long next = left;
            response.drainHandler(v -> writeChunks(response, chunk, next));
        }
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void bodiesFarLargerThanTheGatewaysHeapStreamBothWays() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort
                        + "/B82617/STU3/1/gpconnect/fhir/Appointment"))
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/fhir+json;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(BODY_BYTES)), BODY_BYTES));
        SspHeaders.forInteraction(Interaction.APPOINTMENT_CREATE).forEach(request::header);

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        long receivedByConsumer;
        try (InputStream body = response.body()) {
            receivedByConsumer = body.transferTo(java.io.OutputStream.nullOutputStream());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receivedByService.get()).isEqualTo(BODY_BYTES);
        assertThat(receivedByConsumer).isEqualTo(BODY_BYTES);
    }

    /** Zero bytes made on demand: the test itself must not hold the body either. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
