package org.gpconnect.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process), run inside this JVM. It
 * can be stopped and started again on the same ports and log directory, which is how the fault tests
 * take Kafka away and bring it back.
 */
public final class KafkaServer implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean deleteOnClose;
    private KafkaRaftServer server;

    private KafkaServer(int port, int controllerPort, Path logDir, boolean deleteOnClose) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Creates and starts a broker.
     *
     * @param port   client port, 0 for a free one (the controller takes another free port)
     * @param logDir where topics are kept; null for a temporary directory deleted on close
     */
    public static KafkaServer start(int port, Path logDir) throws IOException {
        boolean temporary = logDir == null;
        Path dir = temporary ? Files.createTempDirectory("gpconnect-kafka-") : logDir;
        int clientPort = port > 0 ? port : freePort();
        int controllerPort = port > 0 ? port + 1 : freePort();
        KafkaServer kafka = new KafkaServer(clientPort, controllerPort, dir, temporary);
        kafka.startBroker();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again after {@link #stopBroker()}, on the same ports with the same data. */
    public synchronized void startBroker() throws IOException {
        if (server != null) {
            return;
        }
        Properties p = properties();
        Path config = logDir.resolve("server.properties");
        Files.createDirectories(logDir);
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "embedded KRaft broker");
        }
        if (!Files.exists(logDir.resolve("logs").resolve("meta.properties"))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[]{"format", "--ignore-formatted", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IOException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
            }
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        server.startup();
    }

    /** Stops the broker but keeps its data, so it can be started again. */
    public synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() throws IOException {
        stopBroker();
        if (deleteOnClose) {
            try (Stream<Path> paths = Files.walk(logDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.resolve("logs").toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
