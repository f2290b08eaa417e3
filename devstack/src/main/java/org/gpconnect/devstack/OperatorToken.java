package org.gpconnect.devstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An operator's token for the local gateway's admin port ({@code /admin/}, the record viewer's API): what the
 * operators' identity provider issues in a real deployment (ES256, {@code iss} {@value #ISSUER}, {@code aud}
 * {@value #AUDIENCE}, role {@value #ROLE}). The local run has no identity provider, so the gateway trusts the
 * local key pair for operators too and this signs with it. Local use only: the key is the devstack's.
 * Usage: {@code OperatorToken <private-key.pem> [subject] [hours]}.
 */
public final class OperatorToken {

    /** The gateway's defaults for operators' tokens (GPC_OPERATOR_TOKEN_ISSUER / _AUDIENCE). */
    public static final String ISSUER = "urn:gpconnect:operators";
    public static final String AUDIENCE = "urn:gpconnect:spine-gateway-admin";
    public static final String ROLE = "gpconnect-operator";

    private OperatorToken() {
    }

    public static void main(String[] args) throws Exception {
        String subject = args.length > 1 ? args[1] : "local-operator";
        Duration lifetime = Duration.ofHours(args.length > 2 ? Long.parseLong(args[2]) : 12);
        System.out.println(mint(Path.of(args[0]), subject, lifetime));
    }

    /** A token for {@code subject} with the operator role, valid from now for {@code lifetime}. */
    public static String mint(Path privateKeyPem, String subject, Duration lifetime) throws Exception {
        String pem = Files.readString(privateKeyPem);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"ES256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + json(subject) + "\","
                + "\"upn\":\"" + json(subject) + "\",\"given_name\":\"Local\",\"family_name\":\"Operator\","
                + "\"groups\":[\"" + ROLE + "\"],\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}";
        String signingInput = part(header) + "." + part(claims);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key);
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
