package org.gpconnect.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.GpConnectJwt;
import org.gpconnect.testsupport.SspHeaders;

/** Requests as the NHS test pack's consumer sends them, with one thing changed where a test needs it. */
final class ConsumerRequests {

    static final String ROOT = "/B82617/STU3/1/gpconnect/fhir";

    private ConsumerRequests() {
    }

    /** A request to the gateway's consumer listener. */
    static RequestSpecification consumer() {
        return given().port(GatewayTestResource.consumerPort());
    }

    static RequestSpecification valid(Interaction interaction) {
        return consumer().headers(SspHeaders.forInteraction(interaction));
    }

    static RequestSpecification withHeaders(Interaction interaction, Map<String, String> changes) {
        Map<String, String> headers = new HashMap<>(SspHeaders.forInteraction(interaction));
        changes.forEach((name, value) -> {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
        });
        return consumer().headers(headers);
    }

    static RequestSpecification withJwt(Interaction interaction, GpConnectJwt jwt) {
        return consumer().headers(SspHeaders.forInteraction(interaction.id(), jwt));
    }
}
