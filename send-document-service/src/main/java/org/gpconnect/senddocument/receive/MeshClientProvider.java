package org.gpconnect.senddocument.receive;

import jakarta.enterprise.context.ApplicationScoped;
import javax.net.ssl.SSLContext;
import org.gpconnect.senddocument.config.MailboxRegistry;
import org.gpconnect.senddocument.config.SendDocumentConfig;
import org.gpconnect.senddocument.mesh.MeshClient;
import org.gpconnect.senddocument.mesh.MeshTls;

/**
 * The one MESH client of this instance, built on first use from the configuration (so an instance without
 * mailboxes needs no MESH settings at all).
 */
@ApplicationScoped
public class MeshClientProvider {

    private final SendDocumentConfig config;
    private final MailboxRegistry mailboxes;
    private volatile MeshClient client;

    public MeshClientProvider(SendDocumentConfig config, MailboxRegistry mailboxes) {
        this.config = config;
        this.mailboxes = mailboxes;
    }

    public MeshClient client() {
        MeshClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                c = client;
            }
        }
        return c;
    }

    private MeshClient build() {
        SendDocumentConfig.Mesh mesh = config.mesh();
        SSLContext tls = null;
        if (mesh.tls().enabled()) {
            try {
                tls = MeshTls.context(mesh.tls().clientCertificate().orElseThrow(), mesh.tls().clientKey().orElseThrow(),
                        mesh.tls().caCertificate());
            } catch (Exception e) {
                throw new IllegalStateException("gpconnect.send-document.mesh.tls: the client certificate, key or CA "
                        + "cannot be loaded: " + e.getMessage(), e);
            }
        }
        return new MeshClient(new MeshClient.Settings(mesh.baseUrl().orElseThrow(() -> new IllegalStateException(
                "gpconnect.send-document.mesh.base-url is not set")), mailboxes.sharedSecret(), mesh.connectTimeout(),
                mesh.requestTimeout(), mesh.retry().maxAttempts(), mesh.retry().initialBackoff(), mesh.retry().maxBackoff(),
                tls, mesh.clientVersion()));
    }
}
