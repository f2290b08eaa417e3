package org.gpconnect.devstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints an internal token as the local gateway would (ES256, the devstack key), for tools that call a
 * service directly, such as the gateway-overhead benchmark. Local use only: the key is the devstack's.
 * Usage: {@code MintInternalToken <private-key.pem> <interaction-id> <scope>}.
 */
public final class MintInternalToken {

    private MintInternalToken() {
    }

    public static void main(String[] args) throws Exception {
        String pem = Files.readString(Path.of(args[0]));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"ES256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"urn:gpconnect:spine-gateway\",\"aud\":\"urn:gpconnect:provider-services\",\"sub\":\"1\","
                + "\"groups\":[\"gpconnect-consumer\"],\"iat\":" + now + ",\"exp\":" + (now + 55) + ","
                + "\"gpc_trace_id\":\"benchmark\",\"gpc_interaction_id\":\"" + args[1] + "\",\"gpc_consumer_asid\":\"200000000359\","
                + "\"gpc_provider_asid\":\"918999198738\",\"gpc_provider_ods\":\"B82617\",\"gpc_scope\":\"" + args[2] + "\"}";
        String signingInput = part(header) + "." + part(claims);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key);
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()));
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
