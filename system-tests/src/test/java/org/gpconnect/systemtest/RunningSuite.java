package org.gpconnect.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gpconnect.devstack.SuiteLauncher;
import org.gpconnect.testsupport.InternalTokens;

/**
 * The whole suite, started once per test JVM from the packaged services, on free ports with throw-away
 * data; its internal-token keys are the test JVM's, so tests can also mint (and forge) internal tokens.
 */
public final class RunningSuite {

    private static SuiteLauncher suite;

    private RunningSuite() {
    }

    public static synchronized SuiteLauncher get() {
        if (suite == null) {
            try {
                Path project = Path.of(System.getProperty("gpconnect.project.dir", "..")).toAbsolutePath().normalize();
                Path state = Files.createTempDirectory("gpconnect-system-test-");
                Path keys = Files.createDirectories(state.resolve("keys"));
                Files.writeString(keys.resolve("internal-token-private.pem"), InternalTokens.privateKeyPem());
                Files.writeString(keys.resolve("internal-token-public.pem"), InternalTokens.publicKeyPem());
                // no graceful-stop pauses when the test JVM ends
                SuiteLauncher launched = new SuiteLauncher(new SuiteLauncher.Options(project, state, false, Map.of(
                        "QUARKUS_SHUTDOWN_DELAY", "0s", "GPCONNECT_GATEWAY_LISTENER_DRAIN_DELAY", "0s")));
                Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "system-test-suite-stop"));
                launched.start(Duration.ofMinutes(3));
                suite = launched;
            } catch (Exception e) {
                throw new IllegalStateException("The suite did not start", e);
            }
        }
        return suite;
    }

    public static String gateway() {
        return get().gatewayUrl();
    }

    public static String service(SuiteLauncher.Service service) {
        return "http://127.0.0.1:" + get().port(service);
    }
}
