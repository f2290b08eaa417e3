package org.gpconnect.senddocument.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The practices' mailboxes with their secrets resolved (from the environment or a mounted file), checked
 * at start-up: a missing secret, an unreadable file or TLS without a certificate stops the service with
 * the property's name rather than failing at the first poll.
 */
@ApplicationScoped
public class MailboxRegistry {

    private static final String PREFIX = "gpconnect.send-document.";

    /** A practice's mailbox, ready to use. */
    public record PracticeMailbox(String practiceOds, String mailboxId, String password) {
        @Override
        public String toString() {
            return "PracticeMailbox[" + practiceOds + ", " + mailboxId + "]"; // never the password
        }
    }

    private final SendDocumentConfig config;
    private volatile List<PracticeMailbox> mailboxes;
    private volatile String sharedSecret;

    public MailboxRegistry(SendDocumentConfig config) {
        this.config = config;
    }

    void check(@Observes @Priority(1) StartupEvent event) {
        resolve();
    }

    /** Resolves and validates; throws {@link IllegalStateException} naming the property at fault. */
    synchronized void resolve() {
        List<PracticeMailbox> resolved = new ArrayList<>();
        for (Map.Entry<String, SendDocumentConfig.Mailbox> entry : config.mailboxes().entrySet()) {
            String ods = entry.getKey();
            if (!ods.matches("[A-Z0-9]{3,10}")) {
                throw new IllegalStateException(PREFIX + "mailboxes.\"" + ods + "\": not an ODS code");
            }
            SendDocumentConfig.Mailbox mailbox = entry.getValue();
            if (!mailbox.enabled()) {
                continue;
            }
            String base = PREFIX + "mailboxes.\"" + ods + "\".";
            resolved.add(new PracticeMailbox(ods, mailbox.mailboxId(),
                    secret(mailbox.password(), mailbox.passwordFile(), base + "password")));
        }
        if (!resolved.isEmpty()) {
            if (config.mesh().baseUrl().isEmpty()) {
                throw new IllegalStateException(PREFIX + "mesh.base-url is required when mailboxes are configured");
            }
            sharedSecret = secret(config.mesh().sharedSecret(), config.mesh().sharedSecretFile(), PREFIX + "mesh.shared-secret");
            SendDocumentConfig.Tls tls = config.mesh().tls();
            if (tls.enabled()) {
                requireFile(tls.clientCertificate(), PREFIX + "mesh.tls.client-certificate");
                requireFile(tls.clientKey(), PREFIX + "mesh.tls.client-key");
                tls.caCertificate().ifPresent(ca -> requireFile(Optional.of(ca), PREFIX + "mesh.tls.ca-certificate"));
            }
            if (config.mesh().retry().initialBackoff().compareTo(config.mesh().retry().maxBackoff()) > 0) {
                throw new IllegalStateException(PREFIX + "mesh.retry.initial-backoff is longer than max-backoff");
            }
        }
        mailboxes = List.copyOf(resolved);
    }

    public List<PracticeMailbox> mailboxes() {
        if (mailboxes == null) {
            resolve();
        }
        return mailboxes;
    }

    public Optional<PracticeMailbox> forPractice(String ods) {
        return mailboxes().stream().filter(m -> m.practiceOds().equals(ods)).findFirst();
    }

    public String sharedSecret() {
        if (mailboxes == null) {
            resolve();
        }
        return sharedSecret;
    }

    private static String secret(Optional<String> value, Optional<Path> file, String property) {
        if (value.isPresent() == file.isPresent()) {
            throw new IllegalStateException(property + " or " + property + "-file must be set (exactly one)");
        }
        if (value.isPresent()) {
            if (value.get().isBlank()) {
                throw new IllegalStateException(property + " is blank");
            }
            return value.get();
        }
        try {
            String text = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException(property + "-file " + file.get() + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(property + "-file " + file.get() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireFile(Optional<Path> path, String property) {
        if (path.isEmpty()) {
            throw new IllegalStateException(property + " is required when " + PREFIX + "mesh.tls.enabled is true");
        }
        if (!Files.isReadable(path.get())) {
            throw new IllegalStateException(property + ": " + path.get() + " cannot be read");
        }
    }
}
