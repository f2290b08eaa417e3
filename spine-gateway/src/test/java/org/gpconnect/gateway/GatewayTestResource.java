package org.gpconnect.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gpconnect.testsupport.InternalTokens;

/**
 * Gives the gateway under test a signing key (generated for this JVM, written to a temp file as a mounted
 * secret would be), the stub service as its appointments backend, and an address where nothing listens as
 * its access-record backend (to see 502s).
 * <p>
 * Init args, for test profiles that need more: {@code access-record=stub} makes the stub the access-record
 * backend too; {@code viewer=configured} gives the record viewer the demo identity the seed data accredits.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String PUBLIC_BASE_URL = "https://gpconnect.test.nhs.uk";
    /** The record viewer's ASID and organisation, as the demo seed data accredits them (db/seed/B82617.sql). */
    public static final String VIEWER_ASID = "918999198993";
    public static final String VIEWER_ODS = "GPCVIEW01";
    private static int consumerPort;

    private boolean accessRecordStub;
    private boolean viewerConfigured;

    /** Where the gateway's consumer listener is (the Quarkus test port is its admin port). */
    public static int consumerPort() {
        return consumerPort;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        accessRecordStub = "stub".equals(initArgs.get("access-record"));
        viewerConfigured = "configured".equals(initArgs.get("viewer"));
    }

    @Override
    public Map<String, String> start() {
        try {
            Path key = Files.createTempFile("gateway-signing-", ".pem");
            Files.writeString(key, InternalTokens.privateKeyPem());
            key.toFile().deleteOnExit();
            int stub = StubService.start();
            int nothing = freePort();
            consumerPort = freePort();
            Map<String, String> config = new HashMap<>(Map.of(
                    "gpconnect.gateway.token.signing-key-location", key.toString(),
                    "gpconnect.gateway.services.appointments.url", "http://127.0.0.1:" + stub,
                    "gpconnect.gateway.services.appointments.response-timeout", "2s",
                    "gpconnect.gateway.services.access-record.url", "http://127.0.0.1:" + (accessRecordStub ? stub : nothing),
                    "gpconnect.gateway.public-base-url", PUBLIC_BASE_URL,
                    "gpconnect.gateway.listener.port", Integer.toString(consumerPort),
                    "gpconnect.gateway.listener.host", "127.0.0.1"));
            if (viewerConfigured) {
                config.put("gpconnect.gateway.viewer.asid", VIEWER_ASID);
                config.put("gpconnect.gateway.viewer.organization-ods", VIEWER_ODS);
                config.put("gpconnect.gateway.viewer.organization-name", "Record viewer under test");
                config.put("gpconnect.gateway.viewer.demo-patients", "9690937286=patient2 Horace SKELLY,9690937294=patient3 Samuel HESLBY");
            }
            return config;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        // the stub dies with the JVM
    }
}
