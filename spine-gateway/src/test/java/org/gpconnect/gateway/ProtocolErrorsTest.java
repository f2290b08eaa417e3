package org.gpconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.SspHeaders;
import org.junit.jupiter.api.Test;

/**
 * foundations.md §4 "Protocol-level errors": what the HTTP layer itself rejects still gets a 4xx with an
 * OperationOutcome body and Cache-Control: no-store, and ~200 KB of headers still get an answer.
 */
@QuarkusTest
class ProtocolErrorsTest {

    private static Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        SspHeaders.forInteraction(Interaction.METADATA_READ).forEach((k, v) -> headers.put(k, List.of(v)));
        return headers;
    }

    private static RawHttp.Response send(String target, Map<String, List<String>> headers) throws Exception {
        return RawHttp.send(GatewayTestResource.consumerPort(), "GET", target, headers, null);
    }

    private static void assertOutcome(RawHttp.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
        assertThat(response.headers().get("cache-control")).isEqualTo("no-store");
    }

    @Test
    void malformedPercentEscape() throws Exception {
        assertOutcome(send(ConsumerRequests.ROOT + "/meta%zzdata", headers()), 400);
    }

    @Test
    void backslashInThePath() throws Exception {
        assertOutcome(send(ConsumerRequests.ROOT + "\\metadata", headers()), 400);
    }

    @Test
    void requestLineTooLong() throws Exception {
        assertOutcome(send(ConsumerRequests.ROOT + "/" + "a".repeat(20_000), headers()), 414);
    }

    @Test
    void headerSectionTooLarge() throws Exception {
        Map<String, List<String>> headers = headers();
        headers.put("X-Padding", List.of("x".repeat(300_000)));
        assertOutcome(send(ConsumerRequests.ROOT + "/metadata", headers), 431);
    }

    @Test
    void twoHundredKilobytesOfHeadersStillGetAnAnswer() throws Exception {
        Map<String, List<String>> headers = headers();
        headers.put("X-Padding", List.of("x".repeat(200_000)));
        RawHttp.Response response = send(ConsumerRequests.ROOT + "/metadata", headers);
        assertThat(response.status()).isEqualTo(200); // a valid request, merely padded
    }

    @Test
    void operatorApisAreNotOnTheConsumerListener() throws Exception {
        RawHttp.Response response = send("/admin/audit?traceId=x", headers());
        assertThat(response.status()).isEqualTo(400); // not a registered service root
        assertThat(response.body()).contains("OperationOutcome");
    }
}
