package org.gpconnect.senddocument.mesh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of the MESH client, built from PEM files as mounted from secrets: the client
 * certificate (chain) and its PKCS#8 key for mutual TLS, and optionally the CA certificates to trust
 * (MESH endpoints are issued by the NHS PTL/live CAs, which are not in the JVM's trust store).
 */
public final class MeshTls {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private MeshTls() {
    }

    public static SSLContext context(Path certificate, Path key, Optional<Path> ca) throws IOException, GeneralSecurityException {
        List<Certificate> chain = certificates(certificate);
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(certificate + " holds no certificate");
        }
        PrivateKey privateKey = privateKey(key);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] none = new char[0];
        keys.setKeyEntry("mesh-client", privateKey, none, chain.toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, none);

        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (ca.isPresent()) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certificates(ca.get())) {
                trust.setCertificateEntry("mesh-ca-" + i++, c);
            }
            tmf.init(trust);
        } else {
            tmf.init((KeyStore) null);
        }
        // TLS 1.2 (security-and-audit.md §4); 1.3 as well where the endpoint offers it
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(pem)) {
            if (block.type().equals("CERTIFICATE")) {
                certificates.add(factory.generateCertificate(new ByteArrayInputStream(block.der())));
            }
        }
        return certificates;
    }

    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        for (Block block : blocks(pem)) {
            if (block.type().equals("PRIVATE KEY")) {
                PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(block.der());
                for (String algorithm : List.of("RSA", "EC")) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
                    } catch (GeneralSecurityException tryNext) {
                        // not this algorithm
                    }
                }
                throw new GeneralSecurityException(pem + ": neither an RSA nor an EC PKCS#8 key");
            }
        }
        throw new GeneralSecurityException(pem + " holds no '-----BEGIN PRIVATE KEY-----' (PKCS#8) block; "
                + "convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
    }

    private static List<Block> blocks(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(text);
        List<Block> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return blocks;
    }

    private record Block(String type, byte[] der) {
    }
}
