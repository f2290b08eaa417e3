package org.gpconnect.common.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Cache-Control: no-store} on every response, errors included (foundations.md §4 "Caching"),
 * including the ones produced below JAX-RS (authentication failures, body limits). Installed as the
 * first route handler so nothing can answer before it.
 */
@ApplicationScoped
public class NoStoreHeaders {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Cache-Control", "no-store"));
            ctx.next();
        });
    }
}
