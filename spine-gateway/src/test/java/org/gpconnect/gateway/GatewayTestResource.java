package org.gpconnect.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gpconnect.testsupport.InternalTokens;

/**
 * Gives the gateway under test a signing key (generated for this JVM, written to a temp file as a mounted
 * secret would be), the stub service as its appointments backend, and an address where nothing listens as
 * its access-record backend (to see 502s).
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String PUBLIC_BASE_URL = "https://gpconnect.test.nhs.uk";
    private static int consumerPort;

    /** Where the gateway's consumer listener is (the Quarkus test port is its admin port). */
    public static int consumerPort() {
        return consumerPort;
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
            return Map.of(
                    "gpconnect.gateway.token.signing-key-location", key.toString(),
                    "gpconnect.gateway.services.appointments.url", "http://127.0.0.1:" + stub,
                    "gpconnect.gateway.services.appointments.response-timeout", "2s",
                    "gpconnect.gateway.services.access-record.url", "http://127.0.0.1:" + nothing,
                    "gpconnect.gateway.public-base-url", PUBLIC_BASE_URL,
                    "gpconnect.gateway.listener.port", Integer.toString(consumerPort),
                    "gpconnect.gateway.listener.host", "127.0.0.1");
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
