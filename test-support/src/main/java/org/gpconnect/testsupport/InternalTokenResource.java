package org.gpconnect.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes the service under test trust the internal-token key pair generated for this test JVM. */
public class InternalTokenResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey", InternalTokens.publicKeyPem());
    }

    @Override
    public void stop() {
        // nothing was started
    }
}
