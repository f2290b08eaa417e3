package org.gpconnect.senddocument.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gpconnect.senddocument.config.MailboxRegistry;
import org.gpconnect.senddocument.config.SendDocumentConfig;
import org.junit.jupiter.api.Test;

/** Bad configuration stops start-up naming the property (README "Send Document", configuration table). */
class StartupConfigTest {

    private static MailboxRegistry registry(Map<String, String> properties) {
        // the converters Quarkus registers for "5s" and "4M"
        SmallRyeConfig config = new SmallRyeConfigBuilder().addSystemSources().withMapping(SendDocumentConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 200,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withSources(new io.smallrye.config.PropertiesConfigSource(properties, "test", 500)).build();
        return new MailboxRegistry(config.getConfigMapping(SendDocumentConfig.class));
    }

    private static Map<String, String> mailbox() {
        Map<String, String> p = new HashMap<>();
        p.put("gpconnect.send-document.mailboxes.\"B82617\".mailbox-id", "B82617OT01");
        p.put("gpconnect.send-document.mailboxes.\"B82617\".password", "pw");
        p.put("gpconnect.send-document.mesh.base-url", "https://mesh.example");
        p.put("gpconnect.send-document.mesh.shared-secret", "secret");
        p.put("gpconnect.send-document.mesh.tls.enabled", "false");
        return p;
    }

    @Test
    void noMailboxesNeedsNoMeshSettings() {
        assertThat(registry(Map.of()).mailboxes()).isEmpty();
    }

    @Test
    void secretsFromFilesAreRead() throws Exception {
        Path secret = Files.createTempFile("mesh", ".secret");
        Files.writeString(secret, "from-a-file\n");
        Map<String, String> p = mailbox();
        p.remove("gpconnect.send-document.mesh.shared-secret");
        p.put("gpconnect.send-document.mesh.shared-secret-file", secret.toString());
        MailboxRegistry registry = registry(p);
        assertThat(registry.sharedSecret()).isEqualTo("from-a-file");
        assertThat(registry.forPractice("B82617")).get().extracting(MailboxRegistry.PracticeMailbox::mailboxId).isEqualTo("B82617OT01");
        assertThat(registry.forPractice("B82617").get().toString()).doesNotContain("pw");
    }

    @Test
    void missingPasswordBaseUrlSecretOrCertificateIsNamed() {
        Map<String, String> noPassword = mailbox();
        noPassword.remove("gpconnect.send-document.mailboxes.\"B82617\".password");
        assertThatThrownBy(() -> registry(noPassword).mailboxes()).hasMessageContaining("mailboxes.\"B82617\".password");

        Map<String, String> noUrl = mailbox();
        noUrl.remove("gpconnect.send-document.mesh.base-url");
        assertThatThrownBy(() -> registry(noUrl).mailboxes()).hasMessageContaining("gpconnect.send-document.mesh.base-url");

        Map<String, String> noSecret = mailbox();
        noSecret.remove("gpconnect.send-document.mesh.shared-secret");
        assertThatThrownBy(() -> registry(noSecret).mailboxes()).hasMessageContaining("gpconnect.send-document.mesh.shared-secret");

        Map<String, String> tls = mailbox();
        tls.put("gpconnect.send-document.mesh.tls.enabled", "true");
        assertThatThrownBy(() -> registry(tls).mailboxes()).hasMessageContaining("gpconnect.send-document.mesh.tls.client-certificate");

        Map<String, String> missingFile = mailbox();
        missingFile.remove("gpconnect.send-document.mailboxes.\"B82617\".password");
        missingFile.put("gpconnect.send-document.mailboxes.\"B82617\".password-file", "/nonexistent/secret");
        assertThatThrownBy(() -> registry(missingFile).mailboxes()).hasMessageContaining("password-file");
    }
}
