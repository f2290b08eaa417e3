package org.gpconnect.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.gpconnect.infra.PostgresServer;

/**
 * Starts a real PostgreSQL for a Quarkus test run and points the service's reactive and JDBC (Flyway)
 * datasources at a fresh database on it. Init arg {@code database} names the database (default "app").
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer server;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (server == null) {
                server = PostgresServer.start(0, null);
            }
            String reactiveUrl = server.createDatabase(database, "app", "app");
            return Map.of(
                    "quarkus.datasource.reactive.url", reactiveUrl,
                    "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                    "quarkus.datasource.username", "app",
                    "quarkus.datasource.password", "app");
        } catch (Exception e) {
            throw new IllegalStateException("could not start PostgreSQL", e);
        }
    }

    /** The server of this test JVM, for tests that need a second database or a direct connection. */
    public static synchronized PostgresServer server() {
        return server;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception ignored) {
                // the JVM is ending; the temporary cluster goes with it
            }
            server = null;
        }
    }
}
