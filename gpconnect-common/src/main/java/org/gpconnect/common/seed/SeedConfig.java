package org.gpconnect.common.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Demo data: the standard GP Connect test dataset, loaded at start-up when switched on. */
@ConfigMapping(prefix = "gpconnect.seed")
public interface SeedConfig {

    /** Load the seed data of the practices below at start-up (idempotent). Off in production. */
    @WithDefault("false")
    boolean enabled();

    /** The practices (ODS codes) whose seed files ({@code db/seed/{ODS}.sql}) are loaded. */
    @WithDefault("B82617")
    List<@Pattern(regexp = "[A-Z0-9]{3,10}") String> practices();
}
