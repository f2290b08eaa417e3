package org.gpconnect.gateway.token;

import com.fasterxml.jackson.databind.JsonNode;
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
 * validated context the services need. Called only after every check has passed.
 */
@ApplicationScoped
public class InternalTokenIssuer {

    private final GatewayConfig.Token config;
    private final PrivateKey key;

    public InternalTokenIssuer(GatewayConfig config) throws IOException, GeneralSecurityException {
        this.config = config.token();
        String pem = Files.readString(Path.of(this.config.signingKeyLocation()), StandardCharsets.US_ASCII);
        this.key = KeyUtils.decodePrivateKey(pem, SignatureAlgorithm.ES256);
    }

    public String issue(ConsumerRequest request) {
        ConsumerJwt jwt = request.jwt();
        JsonNode organization = jwt.claim("requesting_organization");
        JsonNode practitioner = jwt.claim("requesting_practitioner");
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(jwt.text("sub"))
                .groups(Set.of(InternalToken.CONSUMER_ROLE))
                .issuedAt(now)
                .expiresAt(now.plus(config.lifetime()))
                .claim(InternalToken.TRACE_ID, request.header(SspHeaders.TRACE_ID))
                .claim(InternalToken.INTERACTION_ID, request.interaction().id())
                .claim(InternalToken.CONSUMER_ASID, request.header(SspHeaders.FROM))
                .claim(InternalToken.PROVIDER_ASID, request.route().endpoint().providerAsid())
                .claim(InternalToken.PROVIDER_ODS, request.route().endpoint().odsCode())
                .claim(InternalToken.SCOPE, jwt.text("requested_scope"));
        optional(claims, InternalToken.ORGANIZATION_ODS, identifier(organization,
                IdentifierSystems.ODS_ORGANIZATION_CODE, IdentifierSystems.DSTU2_ODS_ORGANIZATION_CODE));
        optional(claims, InternalToken.ORGANIZATION_NAME, text(organization, "name"));
        optional(claims, InternalToken.PRACTITIONER_SDS_USER_ID, identifier(practitioner,
                IdentifierSystems.SDS_USER_ID, IdentifierSystems.DSTU2_SDS_USER_ID));
        optional(claims, InternalToken.PRACTITIONER_SDS_ROLE_PROFILE_ID, identifier(practitioner,
                IdentifierSystems.SDS_ROLE_PROFILE_ID, IdentifierSystems.SDS_ROLE_PROFILE_ID));
        optional(claims, InternalToken.PRACTITIONER_NAME, name(practitioner));
        optional(claims, InternalToken.DEVICE, device(jwt.claim("requesting_device")));
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(key);
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
