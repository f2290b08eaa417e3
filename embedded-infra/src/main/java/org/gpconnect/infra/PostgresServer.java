package org.gpconnect.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A real PostgreSQL server (zonky's binaries, PostgreSQL 14) on 127.0.0.1, with one database and role per
 * service, as production would have. Port 0 picks a free port; a data directory keeps data between runs.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param port    TCP port, 0 for any free port
     * @param dataDir where the cluster lives; null for a throw-away cluster deleted on close
     */
    public static PostgresServer start(int port, Path dataDir) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        return new PostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates (if missing) a role and a database it owns; returns the reactive URL of that database. */
    public String createDatabase(String name, String user, String password) throws SQLException {
        Objects.requireNonNull(name);
        if (!name.matches("[a-z_][a-z0-9_]*") || !user.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database and role names must be simple identifiers");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name + " OWNER " + user);
                }
            }
        }
        return "postgresql://127.0.0.1:" + port() + "/" + name;
    }

    /** The JDBC URL of a database on this server (Flyway runs over JDBC). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
