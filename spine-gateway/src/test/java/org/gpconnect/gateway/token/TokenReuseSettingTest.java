package org.gpconnect.gateway.token;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gpconnect.gateway.config.GatewayConfig;
import org.gpconnect.testsupport.InternalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 0016: a reused token must always have time left, so reuse is capped at half the lifetime. */
class TokenReuseSettingTest {

    @TempDir
    Path keys;

    private GatewayConfig config(Duration lifetime, Duration reuse) throws Exception {
        Path key = Files.writeString(keys.resolve("internal.pem"), InternalTokens.privateKeyPem());
        GatewayConfig.Token token = (GatewayConfig.Token) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {GatewayConfig.Token.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "signingKeyLocation" -> key.toString();
                    case "issuer" -> "urn:gpconnect:spine-gateway";
                    case "audience" -> "urn:gpconnect:provider-services";
                    case "lifetime" -> lifetime;
                    case "reuse" -> reuse;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {GatewayConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("token")) {
                        return token;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void reuseUpToHalfTheLifetimeIsAccepted() {
        assertThatCode(() -> new InternalTokenIssuer(config(Duration.ofSeconds(30), Duration.ofSeconds(15)))).doesNotThrowAnyException();
        assertThatCode(() -> new InternalTokenIssuer(config(Duration.ofSeconds(30), Duration.ZERO))).doesNotThrowAnyException();
    }

    @Test
    void reuseLongerThanHalfTheLifetimeFailsAtStartUp() {
        assertThatThrownBy(() -> new InternalTokenIssuer(config(Duration.ofSeconds(30), Duration.ofSeconds(16))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gpconnect.gateway.token.reuse");
    }

    @Test
    void negativeReuseFailsAtStartUp() {
        assertThatThrownBy(() -> new InternalTokenIssuer(config(Duration.ofSeconds(30), Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
