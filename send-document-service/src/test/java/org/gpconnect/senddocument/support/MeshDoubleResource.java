package org.gpconnect.senddocument.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.gpconnect.meshdouble.MeshDouble;

/**
 * Starts the MESH test double for the test JVM and points the service at it: practice B82617's mailbox
 * with a password and the environment's shared secret generated per run (never committed), plain HTTP
 * (the double's TLS mode is covered separately), short back-offs and leases so fault tests run quickly.
 */
public class MeshDoubleResource implements QuarkusTestResourceLifecycleManager {

    public static final String PRACTICE_MAILBOX = "B82617OT01";
    private static MeshDouble mesh;
    private static String sharedSecret;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (mesh == null) {
                sharedSecret = UUID.randomUUID().toString();
                mesh = MeshDouble.start(0, sharedSecret);
                mesh.mailbox(PRACTICE_MAILBOX, UUID.randomUUID().toString());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start the MESH double", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("gpconnect.send-document.mesh.base-url", mesh.baseUrl());
        config.put("gpconnect.send-document.mesh.shared-secret", sharedSecret);
        config.put("gpconnect.send-document.mesh.shared-secret-file", "");
        config.put("gpconnect.send-document.mesh.tls.enabled", "false");
        config.put("gpconnect.send-document.mesh.request-timeout", "10s");
        config.put("gpconnect.send-document.mesh.retry.max-attempts", "4");
        config.put("gpconnect.send-document.mesh.retry.initial-backoff", "50ms");
        config.put("gpconnect.send-document.mesh.retry.max-backoff", "200ms");
        config.put("gpconnect.send-document.polling.claim-lease", "3s");
        config.put("gpconnect.send-document.polling.retry-backoff", "200ms");
        config.put("gpconnect.send-document.polling.max-retry-backoff", "1s");
        config.put("gpconnect.send-document.documents.max-structure-size", "256K");
        config.put("gpconnect.send-document.mailboxes.\"B82617\".mailbox-id", PRACTICE_MAILBOX);
        config.put("gpconnect.send-document.mailboxes.\"B82617\".password", password(PRACTICE_MAILBOX));
        return config;
    }

    public static synchronized MeshDouble mesh() {
        return mesh;
    }

    public static String sharedSecret() {
        return sharedSecret;
    }

    private static String password(String mailbox) {
        // the double keeps passwords private; register a fresh one we know
        String password = UUID.randomUUID().toString();
        mesh.mailbox(mailbox, password);
        return password;
    }

    @Override
    public synchronized void stop() {
        if (mesh != null) {
            mesh.close();
            mesh = null;
        }
    }
}
