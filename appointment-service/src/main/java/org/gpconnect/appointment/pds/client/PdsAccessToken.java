package org.gpconnect.appointment.pds.client;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The bearer token for PDS, read from a file (a mounted secret that whatever obtains tokens rewrites) without
 * blocking the event loop, and kept for {@code refresh} before the file is read again, so a rotated token is
 * picked up without a restart. The production route, an OAuth2 client-credentials grant with a signed JWT, is
 * described in docs/adr/0012-register-patient-and-pds.md.
 */
final class PdsAccessToken {

    private final Vertx vertx;
    private final Path file;
    private final long refreshNanos;
    private volatile Cached cached;

    private record Cached(String token, long readAt) {
    }

    PdsAccessToken(Vertx vertx, Path file, Duration refresh) {
        this.vertx = vertx;
        this.file = file;
        this.refreshNanos = refresh.toNanos();
    }

    Uni<String> current() {
        Cached now = cached;
        if (now != null && System.nanoTime() - now.readAt() < refreshNanos) {
            return Uni.createFrom().item(now.token());
        }
        return vertx.fileSystem().readFile(file.toString())
                .map(buffer -> buffer.toString().strip())
                .onFailure().transform(e -> new PdsUnavailableException("the PDS access token file " + file + " cannot be read: "
                        + e.getMessage(), false, e))
                .invoke(token -> {
                    if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                        throw new PdsUnavailableException("the PDS access token file " + file
                                + " is empty or holds more than one printable token", false);
                    }
                    cached = new Cached(token, System.nanoTime());
                });
    }
}
