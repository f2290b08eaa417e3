package org.gpconnect.appointment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The appointment-service's own settings; a bad value stops start-up with the property's name. */
@ConfigMapping(prefix = "gpconnect.appointments")
public interface AppointmentServiceConfig {

    /** Rolling slot generation from the practices' slot sessions. */
    Slots slots();

    /** What the CapabilityStatement says about this software. */
    Software software();

    /** Temporary registrations made by {@code $gpc.registerpatient} (foundations.md §9.2). */
    Registration registration();

    /** The PDS FHIR R4 API, which register patient traces and verifies every NHS number against. */
    Pds pds();

    interface Registration {
        /**
         * How long a temporary registration lasts, in days: its registration period ends that many days after it
         * starts, and so do the temporary address and phone number sent with it.
         */
        @WithDefault("90")
        @Min(1)
        @Max(366)
        int temporaryDays();
    }

    interface Pds {
        /**
         * Base URL of the PDS FHIR R4 API (for example the integration environment's
         * {@code .../personal-demographics/FHIR/R4}). Unset: register patient cannot trace anyone and answers 500.
         */
        Optional<URI> baseUrl();

        /**
         * A file holding the OAuth2 access token sent as {@code Authorization: Bearer} (a mounted secret, rotated
         * by whatever obtains the token). Required once the base URL is set.
         */
        Optional<Path> tokenFile();

        /** How long the token read from the file is used before the file is read again. */
        @WithDefault("60s")
        Duration tokenRefresh();

        /** Time to open a connection to PDS. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time one retrieval may take (each attempt). */
        @WithDefault("5s")
        Duration requestTimeout();

        /** Attempts per retrieval; only transient failures (I/O, timeout, 408, 429, 5xx) are tried again. */
        @WithDefault("2")
        @Min(1)
        @Max(5)
        int maxAttempts();

        /** Wait between attempts. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** TLS to PDS. */
        Tls tls();

        interface Tls {
            /** Require https (PDS carries patient data); off only for a plain-HTTP test double. */
            @WithDefault("true")
            boolean enabled();

            /** PEM file of the CA certificates to trust for PDS instead of the JVM trust store (an internal or test CA). */
            Optional<Path> caCertificate();

            /** Check that the server certificate names the PDS host. */
            @WithDefault("true")
            boolean verifyHost();
        }
    }

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
