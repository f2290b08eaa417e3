package org.gpconnect.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the tokens this service has already verified, until they expire, so that a token the gateway
 * reuses for a run of requests (ADR 0016) is checked with ES256 once, not on every request: on JDK 17 one
 * ES256 verification costs ~0.7 ms of CPU, more than the rest of a typical request. Only a token that
 * passed full verification (signature, issuer, audience, lifetime) is remembered, keyed by its exact
 * compact form, and never past its {@code exp}. Takes the place of quarkus-smallrye-jwt's parser for the
 * bearer-token path; every other method goes straight to the default parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;
    private final Clock clock;

    @Inject
    public VerifiedTokenCache(DefaultJWTParser verifier,
            @ConfigProperty(name = "gpconnect.internal-token.verified-cache-size", defaultValue = "4096") long size) {
        this(verifier, size, Clock.systemUTC());
    }

    VerifiedTokenCache(DefaultJWTParser verifier, long size, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfter(new UntilExpiry(clock))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && clock.millis() / 1000 < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        if (fresh.getExpirationTime() > 0) {
            verified.put(token, fresh);
        }
        return fresh;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /** An entry lives until its token's {@code exp}, never longer. */
    private record UntilExpiry(Clock clock) implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            return Math.max(0, token.getExpirationTime() * 1_000_000_000L - clock.millis() * 1_000_000L);
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
