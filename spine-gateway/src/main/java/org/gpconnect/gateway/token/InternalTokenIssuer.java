package org.gpconnect.gateway.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.security.InternalToken;
import org.gpconnect.gateway.check.ConsumerRequest;
import org.gpconnect.gateway.check.SspHeaders;
import org.gpconnect.gateway.jwt.ConsumerJwt;
import org.gpconnect.gateway.config.GatewayConfig;

/**
 * Mints the internal token of an accepted request (ARCHITECTURE.md "Layers"): ES256, short-lived, with the
 * validated context the services need. Called only after every check has passed. ES256 signing is most of
 * the gateway's CPU per request (and verifying it most of a service's), so a token signed for one context is
 * reused for that context's further requests for a few seconds; the trace id then travels only in the
 * forwarded Ssp-TraceID header (ADR 0016).
 */
@ApplicationScoped
public class InternalTokenIssuer {

    /** Bounds the tokens held for reuse; a context beyond it is simply signed afresh. */
    private static final int REUSED_CONTEXTS = 10_000;

    private final GatewayConfig.Token config;
    private final PrivateKey key;
    /** Signed tokens by context, while they may be reused; null when every request gets its own. */
    private final Cache<TokenContext, String> reused;

    public InternalTokenIssuer(GatewayConfig config) throws IOException, GeneralSecurityException {
        this.config = config.token();
        String pem = Files.readString(Path.of(this.config.signingKeyLocation()), StandardCharsets.US_ASCII);
        this.key = KeyUtils.decodePrivateKey(pem, SignatureAlgorithm.ES256);
        Duration reuse = this.config.reuse();
        if (reuse.isNegative() || reuse.compareTo(this.config.lifetime().dividedBy(2)) > 0) {
            throw new IllegalStateException("gpconnect.gateway.token.reuse must be between 0s and half the token lifetime ("
                    + this.config.lifetime().dividedBy(2).toSeconds() + "s), not " + reuse);
        }
        this.reused = reuse.isZero() ? null
                : Caffeine.newBuilder().maximumSize(REUSED_CONTEXTS).expireAfterWrite(reuse).build();
    }

    public String issue(ConsumerRequest request) {
        TokenContext context = TokenContext.of(request);
        String traceId = request.header(SspHeaders.TRACE_ID);
        return reused == null ? sign(context, traceId) : reused.get(context, c -> sign(c, null));
    }

    /** Signs a token for the context; with a trace id for one request only, without one for reuse. */
    private String sign(TokenContext context, String traceId) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(context.subject())
                .groups(Set.of(InternalToken.CONSUMER_ROLE))
                .issuedAt(now)
                .expiresAt(now.plus(config.lifetime()))
                .claim(InternalToken.INTERACTION_ID, context.interactionId())
                .claim(InternalToken.CONSUMER_ASID, context.consumerAsid())
                .claim(InternalToken.PROVIDER_ASID, context.providerAsid())
                .claim(InternalToken.PROVIDER_ODS, context.providerOds())
                .claim(InternalToken.SCOPE, context.scope());
        optional(claims, InternalToken.TRACE_ID, traceId);
        optional(claims, InternalToken.ORGANIZATION_ODS, context.organizationOds());
        optional(claims, InternalToken.ORGANIZATION_NAME, context.organizationName());
        optional(claims, InternalToken.PRACTITIONER_SDS_USER_ID, context.sdsUserId());
        optional(claims, InternalToken.PRACTITIONER_SDS_ROLE_PROFILE_ID, context.sdsRoleProfileId());
        optional(claims, InternalToken.PRACTITIONER_NAME, context.practitionerName());
        optional(claims, InternalToken.DEVICE, context.device());
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(key);
    }

    /**
     * Everything an internal token says about a request except its trace id: requests with equal contexts
     * may share one signed token (ADR 0016).
     */
    record TokenContext(String subject, String interactionId, String consumerAsid, String providerAsid,
            String providerOds, String scope, String organizationOds, String organizationName, String sdsUserId,
            String sdsRoleProfileId, String practitionerName, String device) {

        static TokenContext of(ConsumerRequest request) {
            ConsumerJwt jwt = request.jwt();
            JsonNode organization = jwt.claim("requesting_organization");
            JsonNode practitioner = jwt.claim("requesting_practitioner");
            return new TokenContext(jwt.text("sub"), request.interaction().id(), request.header(SspHeaders.FROM),
                    request.route().endpoint().providerAsid(), request.route().endpoint().odsCode(),
                    jwt.text("requested_scope"),
                    identifier(organization, IdentifierSystems.ODS_ORGANIZATION_CODE, IdentifierSystems.DSTU2_ODS_ORGANIZATION_CODE),
                    text(organization, "name"),
                    identifier(practitioner, IdentifierSystems.SDS_USER_ID, IdentifierSystems.DSTU2_SDS_USER_ID),
                    identifier(practitioner, IdentifierSystems.SDS_ROLE_PROFILE_ID, IdentifierSystems.SDS_ROLE_PROFILE_ID),
                    InternalTokenIssuer.name(practitioner), InternalTokenIssuer.device(jwt.claim("requesting_device")));
        }
    }

    private static void optional(JwtClaimsBuilder claims, String name, String value) {
        if (value != null) {
            claims.claim(name, value);
        }
    }

    private static String identifier(JsonNode resource, String system, String legacySystem) {
        if (resource == null) {
            return null;
        }
        for (JsonNode id : resource.path("identifier")) {
            String s = id.path("system").asText();
            if ((s.equals(system) || s.equals(legacySystem)) && id.path("value").isTextual()) {
                return id.path("value").asText();
            }
        }
        return null;
    }

    private static String text(JsonNode resource, String field) {
        return resource != null && resource.path(field).isTextual() ? resource.path(field).asText() : null;
    }

    /** "Given Family" from STU3's name array or DSTU2's single HumanName (family an array there). */
    private static String name(JsonNode practitioner) {
        if (practitioner == null) {
            return null;
        }
        JsonNode name = practitioner.path("name");
        if (name.isArray()) {
            name = name.path(0);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode given : name.path("given")) {
            text.append(given.asText()).append(' ');
        }
        JsonNode family = name.path("family");
        if (family.isArray()) {
            family.forEach(f -> text.append(f.asText()).append(' '));
        } else if (family.isTextual()) {
            text.append(family.asText());
        }
        String result = text.toString().trim();
        return result.isEmpty() ? null : result;
    }

    private static String device(JsonNode device) {
        if (device == null) {
            return null;
        }
        JsonNode id = device.path("identifier").path(0);
        return (id.path("system").asText() + "|" + id.path("value").asText() + " "
                + device.path("model").asText() + " " + device.path("version").asText()).trim();
    }
}
