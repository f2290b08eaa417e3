package org.gpconnect.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** ADR 0016: the trace id of a reused token travels in the forwarded Ssp-TraceID header. */
class TraceIdsTest {

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "t";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    @Test
    void aPerRequestTokenNamesItsTraceId() {
        assertThat(TraceIds.of(token(Map.of(InternalToken.TRACE_ID, "from-token")), "from-header")).isEqualTo("from-token");
    }

    @Test
    void aReusedTokenLeavesItToTheHeader() {
        assertThat(TraceIds.of(token(Map.of()), "from-header")).isEqualTo("from-header");
    }

    @Test
    void neitherMeansNone() {
        assertThat(TraceIds.of(token(Map.of()), " ")).isNull();
        assertThat(TraceIds.of(null, null)).isNull();
    }
}
