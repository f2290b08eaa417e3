package org.gpconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.common.security.InternalToken;
import org.gpconnect.testsupport.GpConnectJwt;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ADR 0016: with reuse on (the production default), requests of one validated context share a signed
 * internal token that carries no trace id, and each request's own Ssp-TraceID still reaches the service
 * in the forwarded header; any difference in the context gets a token of its own.
 */
@QuarkusTest
@TestProfile(TokenReuseTest.ReuseOn.class)
class TokenReuseTest {

    private static final String METADATA = "/B82617/STU3/1/gpconnect/fhir/metadata";

    public static class ReuseOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gpconnect.gateway.token.reuse", "10s");
        }
    }

    @BeforeEach
    void clear() {
        StubService.clear();
    }

    private static void send(Map<String, String> headers) {
        ConsumerRequests.consumer().headers(headers).when().get(METADATA).then().statusCode(200);
    }

    @Test
    void requestsOfOneContextShareATokenAndKeepTheirOwnTraceIds() {
        Map<String, String> first = SspHeaders.forInteraction(Interaction.METADATA_READ);
        Map<String, String> second = SspHeaders.forInteraction(Interaction.METADATA_READ);
        send(first);
        send(second);

        List<StubService.Received> received = StubService.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).headers().get("Authorization")).isEqualTo(received.get(0).headers().get("Authorization"));
        assertThat(received.get(0).headers().get("Ssp-TraceID")).isEqualTo(first.get("Ssp-TraceID"));
        assertThat(received.get(1).headers().get("Ssp-TraceID")).isEqualTo(second.get("Ssp-TraceID"))
                .isNotEqualTo(first.get("Ssp-TraceID"));
        assertThat(claims(received.get(0))).doesNotContain("\"" + InternalToken.TRACE_ID + "\"")
                .contains("\"" + InternalToken.PRACTITIONER_SDS_USER_ID + "\":\"GCASDS0001\"");
    }

    @Test
    void anotherPractitionerGetsAnotherToken() {
        send(SspHeaders.forInteraction(Interaction.METADATA_READ));
        GpConnectJwt colleague = GpConnectJwt.withScope("organization/*.read").claims(claims -> {
            ArrayNode ids = (ArrayNode) claims.path("requesting_practitioner").path("identifier");
            ((ObjectNode) ids.get(0)).put("value", "GCASDS0002");
        });
        send(SspHeaders.forInteraction(Interaction.METADATA_READ.id(), colleague));

        List<StubService.Received> received = StubService.received();
        assertThat(received.get(1).headers().get("Authorization")).isNotEqualTo(received.get(0).headers().get("Authorization"));
        assertThat(claims(received.get(1))).contains("\"" + InternalToken.PRACTITIONER_SDS_USER_ID + "\":\"GCASDS0002\"");
    }

    private static String claims(StubService.Received received) {
        String token = received.headers().get("Authorization").substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
