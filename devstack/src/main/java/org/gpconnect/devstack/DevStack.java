package org.gpconnect.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/run-local.sh}: runs the whole suite locally with its demo data until Ctrl-C or SIGTERM.
 * Everything listens on 127.0.0.1 only; data is kept in {@code .devstack/} between runs.
 */
public final class DevStack {

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path state = project.resolve(".devstack");
        long started = System.nanoTime();
        SuiteLauncher suite = new SuiteLauncher(new SuiteLauncher.Options(project, state, true, Map.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the suite...");
            suite.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        try {
            suite.start(Duration.ofMinutes(3));
        } catch (Exception e) {
            System.err.println("The suite did not start: " + e.getMessage());
            System.exit(1);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String operatorToken = suite.operatorToken("local-operator", Duration.ofHours(12));
        Path tokenFile = state.resolve("operator-token");
        java.nio.file.Files.writeString(tokenFile, operatorToken + "\n");
        try {
            java.nio.file.Files.setPosixFilePermissions(tokenFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        System.out.printf("""

                GP Connect provider suite is ready (%d s).

                  Gateway (consumers call this)   %s
                  Gateway admin (probes, audit)   %s  (record viewer: /viewer)
                  appointment-service             http://127.0.0.1:%d
                  access-record-service           http://127.0.0.1:%d
                  send-document-service           http://127.0.0.1:%d
                  MESH double                     %s  (B82617's mailbox %s holds a sample
                                                  consultation report for patient2; the service polls
                                                  every 5 s, then see its practice inbox API)
                  PDS double                      %s  (register patient traces here)
                  PostgreSQL                      127.0.0.1:%d
                  Kafka                           %s
                  Logs and data                   %s

                Try the CapabilityStatement of practice B82617 (the JWT is valid for 5 minutes;
                scripts/gpc-request.sh makes fresh ones):

                %s

                Record viewer (operators): open %s and paste this operator token
                (valid for 12 hours; also in %s):

                %s

                Ctrl-C stops everything.
                """, seconds, suite.gatewayUrl(), suite.gatewayAdminUrl(),
                suite.port(SuiteLauncher.Service.APPOINTMENTS), suite.port(SuiteLauncher.Service.ACCESS_RECORD),
                suite.port(SuiteLauncher.Service.SEND_DOCUMENT), suite.mesh().baseUrl(), SuiteLauncher.PRACTICE_MAILBOX,
                suite.pds().baseUrl(),
                suite.postgres().port(), suite.kafka().bootstrapServers(),
                state, SampleRequest.metadataCurl(suite.gatewayUrl()), suite.viewerUrl(), tokenFile, operatorToken);
        stopped.await();
    }
}
