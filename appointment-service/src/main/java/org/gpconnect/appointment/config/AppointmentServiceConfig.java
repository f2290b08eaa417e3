package org.gpconnect.appointment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/** The appointment-service's own settings; a bad value stops start-up with the property's name. */
@ConfigMapping(prefix = "gpconnect.appointments")
public interface AppointmentServiceConfig {

    /** Rolling slot generation from the practices' slot sessions. */
    Slots slots();

    /** What the CapabilityStatement says about this software. */
    Software software();

    interface Slots {
        /** How often free slots are rolled forward to the end of each schedule's window. */
        @WithDefault("1h")
        Duration rollInterval();

        /** Upper bound on any schedule's rolling window, in days (a guard against a mistyped window). */
        @WithDefault("90")
        @Min(1)
        @Max(366)
        int maxWindowDays();
    }

    interface Software {
        /** CapabilityStatement.publisher. */
        @WithDefault("GP Connect provider suite")
        @NotBlank
        String publisher();

        /** CapabilityStatement.software.name. */
        @WithDefault("gpconnect-provider-suite appointment-service")
        @NotBlank
        String name();

        /** CapabilityStatement.software.version. */
        @WithDefault("0.1.0")
        @NotBlank
        String version();
    }
}
