package org.gpconnect.testsupport;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.security.InternalToken;

/**
 * Internal tokens for tests that call a service directly, as if the gateway had: signed with a key pair
 * generated for this test JVM (no key is ever committed), plus forged and expired variants.
 */
public final class InternalTokens {

    private static final KeyPair GATEWAY_KEYS = generate();
    private static final KeyPair FORGER_KEYS = generate();

    private InternalTokens() {
    }

    /** The PEM public key services must trust in tests. */
    public static String publicKeyPem() {
        return pem("PUBLIC KEY", GATEWAY_KEYS.getPublic().getEncoded());
    }

    /** The PEM private key, for a gateway under test that must mint tokens the services accept. */
    public static String privateKeyPem() {
        return pem("PRIVATE KEY", GATEWAY_KEYS.getPrivate().getEncoded());
    }

    /** A valid token for the given interaction on practice B82617, as the gateway would mint it. */
    public static String forInteraction(Interaction interaction) {
        return sign(claims(interaction, Instant.now()), GATEWAY_KEYS.getPrivate());
    }

    /**
     * A token as the gateway mints it for reuse across requests of one context (ADR 0016): no trace id
     * claim; the request's Ssp-TraceID header carries it.
     */
    public static String reusable(Interaction interaction) {
        return sign(claims(interaction, Instant.now()).remove(InternalToken.TRACE_ID), GATEWAY_KEYS.getPrivate());
    }

    /** Well formed and correctly claimed, but signed by a key the services do not trust. */
    public static String forged(Interaction interaction) {
        return sign(claims(interaction, Instant.now()), FORGER_KEYS.getPrivate());
    }

    /** Signed by the right key, but expired ten minutes ago. */
    public static String expired(Interaction interaction) {
        return sign(claims(interaction, Instant.now().minusSeconds(630)), GATEWAY_KEYS.getPrivate());
    }

    /** A token for an operator with the given roles (admin APIs). */
    public static String operator(String subject, Set<String> roles) {
        return sign(Jwt.issuer(InternalToken.DEFAULT_ISSUER).audience(InternalToken.DEFAULT_AUDIENCE)
                .subject(subject).groups(roles).issuedAt(Instant.now()).expiresIn(30), GATEWAY_KEYS.getPrivate());
    }

    private static JwtClaimsBuilder claims(Interaction interaction, Instant issuedAt) {
        return Jwt.issuer(InternalToken.DEFAULT_ISSUER)
                .audience(InternalToken.DEFAULT_AUDIENCE)
                .subject("1")
                .groups(Set.of(InternalToken.CONSUMER_ROLE))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plusSeconds(30))
                .claim(InternalToken.TRACE_ID, java.util.UUID.randomUUID().toString())
                .claim(InternalToken.INTERACTION_ID, interaction.id())
                .claim(InternalToken.CONSUMER_ASID, "200000000359")
                .claim(InternalToken.PROVIDER_ASID, "918999198738")
                .claim(InternalToken.PROVIDER_ODS, "B82617")
                .claim(InternalToken.ORGANIZATION_ODS, "GPCA0001")
                .claim(InternalToken.ORGANIZATION_NAME, "GP Connect Assurance")
                .claim(InternalToken.PRACTITIONER_SDS_USER_ID, "GCASDS0001")
                .claim(InternalToken.PRACTITIONER_NAME, "Assurance Practitioner")
                .claim(InternalToken.DEVICE, "https://consumersupplier.thirdparty.nhs.uk/Id/device|GPC001 test-tool 1.0")
                .claim(InternalToken.SCOPE, interaction.scope().value());
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(key);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
