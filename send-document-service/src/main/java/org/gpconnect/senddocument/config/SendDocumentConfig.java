package org.gpconnect.senddocument.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The send-document-service's own settings (send-document.md §2). Secrets (mailbox passwords, the MESH
 * shared secret) come from the environment or from mounted secret files, never from the repository.
 * A bad value stops start-up with the property's name ({@link StartupConfigCheck} adds the checks that
 * span several properties, e.g. "a password or a password file").
 */
@ConfigMapping(prefix = "gpconnect.send-document")
public interface SendDocumentConfig {

    /** The MESH API this deployment talks to. */
    Mesh mesh();

    /** Polling of the practices' mailboxes. */
    Polling polling();

    /** Limits and rules for received documents (send-document.md §5). */
    Documents documents();

    /**
     * One MESH mailbox per practice, keyed by the practice's ODS code
     * ({@code gpconnect.send-document.mailboxes."B82617".mailbox-id=...}). A practice without an entry
     * receives no documents.
     */
    Map<String, Mailbox> mailboxes();

    /**
     * Where downloaded messages are spooled while they are split into structure and attachments (a
     * writable directory; in a container an {@code emptyDir}). Files are deleted after each message.
     */
    @WithDefault("${java.io.tmpdir}/send-document-spool")
    Path spoolDirectory();

    interface Mesh {
        /**
         * Base URL of the MESH API, e.g. {@code https://msg.intspineservices.nhs.uk} (no trailing path);
         * required as soon as a mailbox is configured.
         */
        Optional<URI> baseUrl();

        /**
         * The environment's MESH shared secret (key of the NHSMESH HMAC), given directly (from a secret
         * through the environment: {@code GPCONNECT_SEND_DOCUMENT_MESH_SHARED_SECRET}) ...
         */
        Optional<String> sharedSecret();

        /** ... or as the path of a file holding it (a mounted secret). Exactly one of the two. */
        Optional<Path> sharedSecretFile();

        /** Time to open a connection to MESH. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time one MESH request (one chunk of a download) may take before it counts as failed. */
        @WithDefault("60s")
        Duration requestTimeout();

        /** Retries of a failed request: only transient failures (I/O errors, timeouts, 429, 5xx). */
        Retry retry();

        /** Mutual TLS towards MESH. */
        Tls tls();

        /** {@code mex-clientversion} sent with the handshake. */
        @WithDefault("gpconnect-provider-suite-send-document-0.1.0")
        @NotBlank
        String clientVersion();
    }

    interface Retry {
        /** Attempts of one request in total (1 = no retry). */
        @WithDefault("4")
        @Min(1)
        @Max(20)
        int maxAttempts();

        /** Wait before the first retry; doubled for each further one (with jitter). */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Upper bound of the wait between two attempts. */
        @WithDefault("10s")
        Duration maxBackoff();
    }

    interface Tls {
        /**
         * Use TLS client authentication. MESH requires it; off only for a plain-HTTP test double. When
         * on, the certificate and key below are required.
         */
        @WithDefault("true")
        boolean enabled();

        /** PEM file of the client certificate (chain) issued for the MESH endpoint. */
        Optional<Path> clientCertificate();

        /** PEM file of the certificate's private key (PKCS#8, unencrypted; a mounted secret). */
        Optional<Path> clientKey();

        /** PEM file of the CA certificates to trust for MESH; the JVM's default trust store when absent. */
        Optional<Path> caCertificate();
    }

    interface Polling {
        /** Poll the mailboxes from this instance (several replicas may: messages are claimed in the database). */
        @WithDefault("true")
        boolean enabled();

        /** Time between two polls of every mailbox. */
        @WithDefault("60s")
        Duration interval();

        /** {@code max_results} of one inbox page (MESH allows up to 5000). */
        @WithDefault("100")
        @Min(1)
        @Max(5000)
        int pageSize();

        /**
         * How long a replica may work on a message it claimed; a replica that dies mid-message loses the
         * claim after this time and another one retries the message.
         */
        @WithDefault("10m")
        Duration claimLease();

        /** Wait before a message whose processing failed (MESH or database down) is tried again; doubled per failure. */
        @WithDefault("30s")
        Duration retryBackoff();

        /** Upper bound of that wait. */
        @WithDefault("1h")
        Duration maxRetryBackoff();

        /** How often the mailbox handshake is repeated (MESH: at least daily). */
        @WithDefault("12h")
        Duration handshakeInterval();
    }

    interface Documents {
        /** Largest decoded attachment accepted; larger ones are refused with ITK code 20015. */
        @WithDefault("100M")
        io.quarkus.runtime.configuration.MemorySize maxAttachmentSize();

        /** Largest message (as downloaded, all chunks) accepted; larger ones are refused with 20015. */
        @WithDefault("200M")
        io.quarkus.runtime.configuration.MemorySize maxMessageSize();

        /**
         * Largest ITK structure (the message without its attachments' content), the only part held in
         * memory; larger ones are refused with 20015.
         */
        @WithDefault("4M")
        io.quarkus.runtime.configuration.MemorySize maxStructureSize();

        /**
         * Attachment content types the practice accepts (others: 20004). PDF is the mandated primary
         * format of consultation reports; a PDF must start with {@code %PDF-} (else 20005).
         */
        @WithDefault("application/pdf")
        List<@Pattern(regexp = "[a-z]+/[a-z0-9.+-]+") String> approvedContentTypes();
    }

    interface Mailbox {
        /** Receive documents for this practice. */
        @WithDefault("true")
        boolean enabled();

        /** The practice's MESH mailbox id. */
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9]{1,32}")
        String mailboxId();

        /** The mailbox password, given directly (from a secret through the environment) ... */
        Optional<String> password();

        /** ... or as the path of a file holding it. Exactly one of the two. */
        Optional<Path> passwordFile();
    }
}
