package org.gpconnect.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The gateway's settings; a bad value stops start-up with the property's name. */
@ConfigMapping(prefix = "gpconnect.gateway")
public interface GatewayConfig {

    /**
     * The scheme and host consumers use in SSP-style URLs ({@code /{public-base-url}/{ODS}/...}), exactly as
     * registered in SDS, e.g. {@code https://gpconnect.example.nhs.uk}. Without it only direct URLs work.
     */
    @WithName("public-base-url")
    Optional<@Pattern(regexp = "https?://[^/?#]+") String> publicBaseUrl();

    /** The provider services behind the gateway. */
    Services services();

    /** The internal token minted for every accepted request. */
    Token token();

    /** How often the endpoint registry is re-read from the database. */
    @WithDefault("30s")
    Duration registryRefresh();

    interface Services {
        Backend appointments();

        @WithName("access-record")
        Backend accessRecord();
    }

    interface Backend {
        /** Base URL of the service, e.g. {@code http://appointment-service:8080}. */
        URI url();

        /** Time to open a connection. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time the service may take to start answering (then 504). */
        @WithDefault("30s")
        Duration responseTimeout();

        /** Pooled connections to the service per gateway instance. */
        @WithDefault("100")
        @Min(1)
        @Max(10000)
        int maxConnections();
    }

    interface Token {
        /** PEM file with the EC P-256 private key that signs internal tokens (a mounted secret). */
        @NotBlank
        String signingKeyLocation();

        /** {@code iss} of internal tokens. */
        @WithDefault("urn:gpconnect:spine-gateway")
        String issuer();

        /** {@code aud} of internal tokens. */
        @WithDefault("urn:gpconnect:provider-services")
        String audience();

        /** Lifetime of an internal token. */
        @WithDefault("30s")
        Duration lifetime();
    }
}
