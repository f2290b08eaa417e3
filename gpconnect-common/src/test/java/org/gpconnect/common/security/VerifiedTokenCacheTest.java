package org.gpconnect.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** ADR 0016: a verified token is verified once and remembered only until its expiry. */
class VerifiedTokenCacheTest {

    private static final long NOW = 1_800_000_000L;

    /** Counts verifications; "bad" tokens fail, every other token expires at the second after its name. */
    static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new ParseException("signature does not verify");
            }
            return new Token(Long.parseLong(token.substring(token.indexOf(':') + 1)));
        }
    }

    record Token(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "t";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) Map.<String, Object>of("exp", exp).get(name);
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final MutableClock clock = new MutableClock(NOW);
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 100, clock);

    @Test
    void aTokenSeenAgainIsNotVerifiedAgain() throws Exception {
        JsonWebToken first = cache.parse("a:" + (NOW + 30));
        JsonWebToken second = cache.parse("a:" + (NOW + 30));

        assertThat(second).isSameAs(first);
        assertThat(verifier.calls).hasValue(1);
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() throws Exception {
        cache.parse("a:" + (NOW + 30));
        cache.parse("b:" + (NOW + 30));

        assertThat(verifier.calls).hasValue(2);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainSoTheVerifierRejectsIt() throws Exception {
        cache.parse("a:" + (NOW + 30));
        clock.now = NOW + 30;

        cache.parse("a:" + (NOW + 30));

        assertThat(verifier.calls).hasValue(2);
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        assertThatThrownBy(() -> cache.parse("bad:" + (NOW + 30))).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse("bad:" + (NOW + 30))).isInstanceOf(ParseException.class);

        assertThat(verifier.calls).hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsNeverRemembered() throws Exception {
        cache.parse("a:0");
        cache.parse("a:0");

        assertThat(verifier.calls).hasValue(2);
    }

    static final class MutableClock extends Clock {
        long now;

        MutableClock(long epochSecond) {
            this.now = epochSecond;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(now);
        }
    }
}
