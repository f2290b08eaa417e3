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
import java.util.List;
import java.util.Map;
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

    /** The consumer-facing listener. */
    Listener listener();

    /** The provider services behind the gateway. */
    Services services();

    /** The internal token minted for every accepted request. */
    Token token();

    /** Request limits (429 with X-Rate-Limit-* headers). */
    RateLimits rateLimits();

    /** The audit trail of every consumer request. */
    Audit audit();

    /** How often the endpoint registry and the accreditations are re-read from the database. */
    @WithDefault("30s")
    Duration registryRefresh();

    /** The operators' record viewer on the admin port (docs/adr/0015-record-viewer.md). */
    Viewer viewer();

    interface Listener {
        /** Address consumers connect to. */
        @WithDefault("0.0.0.0")
        String host();

        /** Port consumers connect to (probes, metrics and operator APIs are on quarkus.http.port). */
        @WithDefault("8080")
        @Min(1)
        @Max(65535)
        int port();

        /** Server instances, one per event loop; default: one per CPU. */
        Optional<@Min(1) @Max(256) Integer> eventLoops();

        /** Largest header section accepted (the spec asks for ~200 KB to still be answered). */
        @WithDefault("262144")
        @Min(8192)
        int maxHeaderSize();

        /** Longest request line accepted (then 414). */
        @WithDefault("16384")
        @Min(1024)
        int maxRequestLineLength();

        /** Connections idle this long are closed. */
        @WithDefault("60s")
        Duration idleTimeout();

        /** On shutdown, how long readiness reports DOWN before in-flight requests are waited for. */
        @WithDefault("5s")
        Duration drainDelay();

        /** On shutdown, the longest wait for requests in flight before the listener closes. */
        @WithDefault("20s")
        Duration drainTimeout();
    }

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

    interface RateLimits {
        /** Apply the limits at all. */
        @WithDefault("true")
        boolean enabled();

        /** Length of a counting window. */
        @WithDefault("1s")
        Duration window();

        /** Requests per window this gateway instance accepts in total. */
        @WithDefault("5000")
        @Min(1)
        int global();

        /** Requests per window one consumer ASID may send of one interaction, unless set below. */
        @WithDefault("200")
        @Min(1)
        int perConsumer();

        /**
         * Per-consumer limits of particular interactions, keyed by interaction name, e.g.
         * {@code gpconnect.gateway.rate-limits.interactions.SLOT_SEARCH=50}.
         */
        Map<@Pattern(regexp = "[A-Z_]+") String, @Min(1) Integer> interactions();
    }

    interface Audit {
        /** How long a record may wait in memory before it is written. */
        @WithDefault("20ms")
        Duration flushInterval();

        /** Records written per database round trip at most. */
        @WithDefault("200")
        @Min(1)
        @Max(5000)
        int batchSize();

        /** Records kept in memory while the database cannot be reached; beyond this they are lost (and counted). */
        @WithDefault("100000")
        @Min(1000)
        int maxPending();
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

        /**
         * How long one signed token serves further requests of the same validated context (same consumer,
         * practitioner, organisation, interaction, scope, practice); 0 signs one per request. At most half
         * the lifetime, so a reused token always has time left (ADR 0016).
         */
        @WithDefault("10s")
        Duration reuse();
    }

    /**
     * The record viewer acts as a consumer system of its own: it has an ASID (accredited for the HTML care
     * record like any consumer's) and an originating organisation for the JWT it sends. Without the ASID and
     * the ODS code its API answers 503; nothing else depends on it.
     */
    interface Viewer {
        /** The viewer's consumer ASID, sent as Ssp-From; it needs accreditation and sharing agreements. */
        Optional<@Pattern(regexp = "[0-9]{12}") String> asid();

        /** ODS code of the organisation the viewer's requests come from (the JWT's requesting_organization). */
        Optional<@Pattern(regexp = "[A-Z0-9]{3,10}") String> organizationOds();

        /** Name of that organisation. */
        @WithDefault("GP Connect record viewer")
        String organizationName();

        /**
         * Where the viewer sends its requests: the base URL of this gateway's own consumer listener. Default:
         * the listener's address on this host (loopback when it listens on every interface).
         */
        Optional<@Pattern(regexp = "https?://[^/?#]+") String> consumerUrl();

        /** Time a rendering may take end to end (connect, checks, the service's answer). */
        @WithDefault("30s")
        Duration timeout();

        /**
         * Patients the page suggests, as {@code NHS number=label}, e.g. {@code 9690937286=patient2 Horace SKELLY}
         * (demonstrations only; empty by default). Labels cannot contain commas.
         */
        Optional<List<@Pattern(regexp = "[0-9]{10}=[^,]*") String>> demoPatients();
    }
}
