package org.gpconnect.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gpconnect.infra.KafkaServer;
import org.gpconnect.infra.PostgresServer;
import org.gpconnect.meshdouble.MeshDouble;
import org.gpconnect.meshdouble.Samples;
import org.gpconnect.pdsdouble.PdsDouble;

/**
 * Starts the whole suite on this machine: a real PostgreSQL (one database and role per service), a real
 * Kafka broker, the gateway's signing key pair, the MESH test double (with practice B82617's mailbox and one
 * sample consultation report for patient2 waiting in it), the PDS test double (the standard dataset's PDS records,
 * which register patient traces against), and the four packaged services wired to them with the demo data switched
 * on. Stops everything in reverse order.
 */
public final class SuiteLauncher implements AutoCloseable {

    /** The services in start order: the gateway last, once what it routes to is up. */
    public enum Service {
        APPOINTMENTS("appointment-service", "appointments"),
        ACCESS_RECORD("access-record-service", "records"),
        SEND_DOCUMENT("send-document-service", "documents"),
        GATEWAY("spine-gateway", "gateway");

        final String module;
        final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }

        public String module() {
            return module;
        }
    }

    /**
     * Where and how to run.
     *
     * @param projectDir the repository root (the services' {@code target/quarkus-app} are found there)
     * @param stateDir   PostgreSQL data, Kafka logs, keys and service logs; kept between runs
     * @param fixedPorts true: the documented local ports (gateway 18080, ...); false: free ports (tests)
     * @param extraEnv   extra environment for every service (e.g. shorter intervals in tests)
     */
    public record Options(Path projectDir, Path stateDir, boolean fixedPorts, Map<String, String> extraEnv) {
    }

    private final Options options;
    private final Map<Service, Integer> ports = new HashMap<>();
    /** The gateway's consumer listener; its Quarkus port (ports.get(GATEWAY)) is the admin port. */
    private int consumerPort;
    private final List<ServiceProcess> running = new ArrayList<>();
    private PostgresServer postgres;
    private Path keys;
    private KafkaServer kafka;
    private MeshDouble mesh;
    private PdsDouble pds;

    /** Practice B82617's MESH mailbox in the local run. */
    public static final String PRACTICE_MAILBOX = "B82617OT01";
    /** The mailbox of the sample report's sender (an out-of-hours service); its acks arrive here. */
    public static final String SENDER_MAILBOX = "Y12345OT01";
    /** The record viewer's consumer ASID and organisation, as the gateway's demo seed data accredits them. */
    public static final String VIEWER_ASID = "918999198993";
    public static final String VIEWER_ODS = "GPCVIEW01";
    /**
     * The standard dataset's patients (access-record-service's seed data), offered by the record viewer as
     * suggestions, with what makes each one a test case.
     */
    static final List<String> VIEWER_PATIENTS = List.of(
            "9690937278=patient1 Lucien SAMUAL",
            "9690937286=patient2 Horace SKELLY (the fullest record)",
            "9690937294=patient3 Samuel HESLBY",
            "9690937308=patient4 West CRANK",
            "9690937375=patient5 Rosa LOBB",
            "9690937383=patient6 Angela DOULBY",
            "9690937391=patient7 Mina BAILEY",
            "9690937405=patient8 Winnie PRING",
            "9690938533=patient9 Anita CLAY (sensitive: not found)",
            "9690938541=patient10 Tania REEVES (sensitive: not found)",
            "9690938622=patient11 Alexi HORN (superseded NHS number)",
            "9690938614=patient12 Elsa LEARY (merged record)",
            "9690938096=patient13 Cecile BESTON (record in transit)",
            "9476718943=patient14 Georgina HOPLEY (not on Spine)",
            "9690938576=patient15 Dora McCAIN (dissent to share)",
            "9690938118=patient16 Sibyl CRAINE (confidential items)",
            "9690938126=patient17 Doris BOURKE (confidential items)",
            "9690938681=patient18 James ROONEY (deceased 1993)",
            "9866105660=patient19 PNA (registered 2017)",
            "9690938134=patient20 Lori GILDEA",
            "9690938142=patient21 Eve BUCK (inactive registration)");

    public SuiteLauncher(Options options) {
        this.options = options;
    }

    public void start(Duration readyTimeout) throws Exception {
        Files.createDirectories(options.stateDir());
        int pgPort = options.fixedPorts() ? 15432 : freePort();
        int kafkaPort = options.fixedPorts() ? 19092 : freePort();
        postgres = PostgresServer.start(pgPort, options.stateDir().resolve("pgdata"));
        kafka = KafkaServer.start(kafkaPort, options.stateDir().resolve("kafka"));
        keys = signingKeys(options.stateDir().resolve("keys"));
        mesh = startMesh(options.fixedPorts() ? 18095 : freePort());
        pds = PdsDouble.start(options.fixedPorts() ? 18096 : freePort(), secret("pds-access-token"));
        int base = 18080;
        for (Service service : Service.values()) {
            ports.put(service, options.fixedPorts() ? base + (service == Service.GATEWAY ? 10 : service.ordinal() + 1) : freePort());
        }
        consumerPort = options.fixedPorts() ? base : freePort();
        for (Service service : Service.values()) {
            Map<String, String> env = environment(service, consumerPort);
            Path jar = options.projectDir().resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
            running.add(ServiceProcess.start(service.module, jar, ports.get(service), env,
                    options.stateDir().resolve("logs"), List.of("-Xmx256m", "-XX:+UseSerialGC")));
        }
        for (ServiceProcess process : running) {
            process.awaitReady(readyTimeout);
        }
    }

    /** The environment a service runs with: its database, Kafka, keys, and where the others are. */
    private Map<String, String> environment(Service service, int gatewayConsumerPort) throws java.sql.SQLException, IOException {
        String password = "local-" + service.database;
        String url = postgres.createDatabase(service.database, service.database, password);
        Map<String, String> env = new HashMap<>();
        env.put("GPC_DB_URL", url);
        env.put("GPC_DB_JDBC_URL", postgres.jdbcUrl(service.database));
        env.put("GPC_DB_USER", service.database);
        env.put("GPC_DB_PASSWORD", password);
        env.put("GPC_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("GPC_SEED_DEMO_DATA", "true");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("internal-token-public.pem").toString());
        env.put("GPC_INTERNAL_TOKEN_SIGNING_KEY", keys.resolve("internal-token-private.pem").toString());
        env.put("GPC_APPOINTMENTS_URL", "http://127.0.0.1:" + ports.get(Service.APPOINTMENTS));
        env.put("GPC_ACCESS_RECORD_URL", "http://127.0.0.1:" + ports.get(Service.ACCESS_RECORD));
        env.put("GPC_CONSUMER_PORT", Integer.toString(gatewayConsumerPort));
        env.put("GPC_CONSUMER_HOST", "127.0.0.1");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        if (service == Service.SEND_DOCUMENT) {
            env.putAll(meshEnvironment());
        }
        if (service == Service.APPOINTMENTS) {
            env.putAll(pdsEnvironment());
        }
        if (service == Service.GATEWAY) {
            env.putAll(viewerEnvironment());
        }
        env.putAll(options.extraEnv());
        return env;
    }

    /**
     * The MESH double on 127.0.0.1 with B82617's mailbox and the sender's, secrets generated once per state
     * directory, and the sample consultation report for patient2 in B82617's inbox.
     */
    private MeshDouble startMesh(int port) throws IOException {
        MeshDouble started = MeshDouble.start(port, secret("mesh-shared-secret"))
                .mailbox(PRACTICE_MAILBOX, secret("mesh-" + PRACTICE_MAILBOX + "-password"))
                .mailbox(SENDER_MAILBOX, secret("mesh-" + SENDER_MAILBOX + "-password"))
                .address("B82617", "GPFED_CONSULT_REPORT", PRACTICE_MAILBOX)
                .forgetAcknowledgedBodies(); // a long local run must not keep every report on the heap
        Samples.depositConsultationReport(started, SENDER_MAILBOX, PRACTICE_MAILBOX);
        return started;
    }

    /** send-document-service's MESH settings: the double, B82617's mailbox, secrets as files (never in the repo). */
    private Map<String, String> meshEnvironment() throws IOException {
        Path config = options.stateDir().resolve("send-document-mesh.properties");
        Files.writeString(config, "# written by the local launcher: practice mailboxes of send-document-service\n"
                + "gpconnect.send-document.mailboxes.\"B82617\".mailbox-id=" + PRACTICE_MAILBOX + "\n"
                + "gpconnect.send-document.mailboxes.\"B82617\".password-file="
                + keys.resolve("mesh-" + PRACTICE_MAILBOX + "-password") + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_CONFIG_LOCATIONS", config.toUri().toString());
        env.put("GPC_MESH_URL", mesh.baseUrl());
        env.put("GPC_MESH_SHARED_SECRET_FILE", keys.resolve("mesh-shared-secret").toString());
        env.put("GPC_MESH_TLS", "false"); // the double speaks plain HTTP on 127.0.0.1
        env.put("GPC_MESH_POLL_INTERVAL", "5s");
        return env;
    }

    /** appointment-service's PDS settings: the double, its access token as a file (never in the repo), plain HTTP. */
    private Map<String, String> pdsEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("GPC_PDS_URL", pds.baseUrl());
        env.put("GPC_PDS_TOKEN_FILE", keys.resolve("pds-access-token").toString());
        env.put("GPC_PDS_TLS", "false"); // the double speaks plain HTTP on 127.0.0.1
        return env;
    }

    /**
     * The gateway's record viewer: the identity the demo seed data accredits, the dataset's patients as
     * suggestions; operators' tokens are checked with the local key pair (there is no identity provider here).
     */
    private static Map<String, String> viewerEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("GPCONNECT_GATEWAY_VIEWER_ASID", VIEWER_ASID);
        env.put("GPCONNECT_GATEWAY_VIEWER_ORGANIZATION_ODS", VIEWER_ODS);
        env.put("GPCONNECT_GATEWAY_VIEWER_ORGANIZATION_NAME", "GP Connect record viewer (local run)");
        env.put("GPCONNECT_GATEWAY_VIEWER_DEMO_PATIENTS", String.join(",", VIEWER_PATIENTS));
        return env;
    }

    /** A random secret kept in the state directory's key folder (owner-only), created on first use. */
    private String secret(String name) throws IOException {
        Path file = keys.resolve(name);
        if (!Files.exists(file)) {
            Files.writeString(file, java.util.UUID.randomUUID().toString());
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
        return Files.readString(file).strip();
    }

    /** The MESH double of the local run. */
    public MeshDouble mesh() {
        return mesh;
    }

    /** The PDS double of the local run. */
    public PdsDouble pds() {
        return pds;
    }

    /**
     * Starts one more gateway on the suite's database and Kafka, with its own heap limit and its
     * appointments traffic sent where the caller says (tests of the gateway alone, e.g. streaming).
     *
     * @return the consumer port of the new gateway; it stops with the suite
     */
    public int startAdditionalGateway(String appointmentsUrl, String maxHeap, Duration readyTimeout) throws Exception {
        int consumer = freePort();
        int admin = freePort();
        Map<String, String> env = environment(Service.GATEWAY, consumer);
        env.put("GPC_APPOINTMENTS_URL", appointmentsUrl);
        Path jar = options.projectDir().resolve(Service.GATEWAY.module).resolve("target/quarkus-app/quarkus-run.jar");
        ServiceProcess gateway = ServiceProcess.start("spine-gateway-" + consumer, jar, admin, env,
                options.stateDir().resolve("logs"), List.of("-Xmx" + maxHeap, "-XX:+UseSerialGC"));
        running.add(gateway);
        gateway.awaitReady(readyTimeout);
        return consumer;
    }

    public int port(Service service) {
        return ports.get(service);
    }

    /** Where consumers call the gateway. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + consumerPort;
    }

    /** The gateway's admin port: probes, metrics, operator APIs. */
    public String gatewayAdminUrl() {
        return "http://127.0.0.1:" + port(Service.GATEWAY);
    }

    /** The record viewer (operators only), on the gateway's admin port. */
    public String viewerUrl() {
        return gatewayAdminUrl() + "/viewer";
    }

    /** An operator's token the local gateway accepts for its admin APIs and the record viewer. */
    public String operatorToken(String subject, Duration lifetime) throws Exception {
        return OperatorToken.mint(keys.resolve("internal-token-private.pem"), subject, lifetime);
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Process ids of the running services (for measuring their memory). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        running.forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    /** Where the services' logs are. */
    public Path logDir() {
        return options.stateDir().resolve("logs");
    }

    @Override
    public void close() {
        // the gateways first (no new consumer traffic), then every service at once: stopping them one by one
        // would add their graceful-stop times together
        for (ServiceProcess process : running) {
            if (process.name().startsWith(Service.GATEWAY.module)) {
                process.stop(Duration.ofSeconds(15));
            }
        }
        running.forEach(ServiceProcess::signal);
        running.forEach(process -> process.awaitExit(Duration.ofSeconds(15)));
        running.clear();
        if (mesh != null) {
            mesh.close();
        }
        if (pds != null) {
            pds.close();
        }
        if (kafka != null) {
            try {
                kafka.close();
            } catch (Exception ignored) {
                // best effort on the way out
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception ignored) {
                // best effort on the way out
            }
        }
    }

    /** The gateway's internal-token key pair (EC P-256), generated once per state directory. */
    private static Path signingKeys(Path dir) throws Exception {
        Path privateKey = dir.resolve("internal-token-private.pem");
        Path publicKey = dir.resolve("internal-token-public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return dir;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return dir;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
