package org.gpconnect.appointment;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gpconnect.pdsdouble.PdsDouble;

/**
 * Starts the PDS test double for the test JVM and points the service at it: plain HTTP (the client's TLS is covered
 * by {@code PdsClientTest}), an access token generated per run and handed over in a file, as in production, short
 * timeouts and back-off so fault tests run quickly.
 */
public class PdsDoubleResource implements QuarkusTestResourceLifecycleManager {

    private static PdsDouble pds;
    private static Path tokenFile;
    private static String token;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (pds == null) {
                token = PdsDouble.randomToken();
                pds = PdsDouble.start(0, token);
                tokenFile = Files.createTempFile("pds-token", ".txt");
                Files.writeString(tokenFile, token + "\n");
                tokenFile.toFile().deleteOnExit();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start the PDS double", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("gpconnect.appointments.pds.base-url", pds.baseUrl());
        config.put("gpconnect.appointments.pds.token-file", tokenFile.toString());
        config.put("gpconnect.appointments.pds.tls.enabled", "false");
        config.put("gpconnect.appointments.pds.request-timeout", "2s");
        config.put("gpconnect.appointments.pds.retry-backoff", "20ms");
        config.put("gpconnect.appointments.pds.token-refresh", "1s");
        return config;
    }

    public static synchronized PdsDouble pds() {
        return pds;
    }

    /** The access token the double accepts and the service reads from its token file. */
    public static synchronized String token() {
        return token;
    }

    @Override
    public synchronized void stop() {
        if (pds != null) {
            pds.close();
            pds = null;
        }
    }
}
