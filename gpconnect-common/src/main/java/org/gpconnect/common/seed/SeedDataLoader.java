package org.gpconnect.common.seed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Loads the demo practices' data (the service's part of the standard GP Connect test dataset, from
 * {@code db/seed/{ODS}.sql} on its classpath) when {@code gpconnect.seed.enabled} is on. The seed files are idempotent, so every start-up
 * may run them; they run in one transaction each, so a practice is either fully seeded or not at all.
 */
@ApplicationScoped
public class SeedDataLoader {

    private static final Logger LOG = Logger.getLogger(SeedDataLoader.class);
    /** After Flyway (which migrates during start-up); work that needs the seed data observes later. */
    public static final int PRIORITY = 10;

    private final AgroalDataSource dataSource;
    private final SeedConfig config;

    public SeedDataLoader(AgroalDataSource dataSource, SeedConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) throws IOException, SQLException {
        if (!config.enabled()) {
            return;
        }
        for (String ods : config.practices()) {
            load(ods, script(ods));
        }
    }

    private void load(String ods, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        LOG.infof("Seed data of practice %s loaded", ods);
    }

    private static String script(String ods) throws IOException {
        if (!ods.matches("[A-Z0-9]{3,10}")) {
            throw new IllegalArgumentException("Not an ODS code: " + ods);
        }
        String path = "db/seed/" + ods + ".sql";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No seed data for practice " + ods + " (" + path + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
