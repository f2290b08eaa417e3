package org.gpconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.GpConnectJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * foundations.md §3.2, every row, through the real gateway over HTTP: the status and Spine code the table
 * gives, and for the rows that must be accepted, the request reaching the service. (JwtValidatorTest holds
 * the finer variants of each row.)
 */
@QuarkusTest
class JwtThroughTheGatewayTest {

    private static final String METADATA = ConsumerRequests.ROOT + "/metadata";

    record Row(String description, String authorization, int status, String code) {
        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeEach
    void clear() {
        StubService.clear();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                reject("Authorization missing", null, 400, "BAD_REQUEST"),
                reject("not Bearer", "Basic dXNlcjpwYXNz", 400, "BAD_REQUEST"),
                reject("not base64url", "Bearer " + valid().encode().replaceFirst("\\.", "+/."), 400, "BAD_REQUEST"),
                reject("signed (non-empty signature)", "Bearer " + valid().encode() + "c2ln", 400, "BAD_REQUEST"),
                reject("JSON unparsable", "Bearer " + GpConnectJwt.part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + GpConnectJwt.part("{") + ".", 400, "BAD_REQUEST"),
                reject("alg not none", bearer(valid().header(h -> h.put("alg", "HS256"))), 400, "BAD_REQUEST"),
                reject("typ not JWT", bearer(valid().header(h -> h.put("typ", "JWS"))), 400, "BAD_REQUEST"),
                reject("unknown header key", bearer(valid().header(h -> h.put("kid", "1"))), 400, "BAD_REQUEST"),
                reject("iss missing", claims(c -> c.remove("iss")), 400, "BAD_REQUEST"),
                reject("sub missing", claims(c -> c.remove("sub")), 400, "BAD_REQUEST"),
                reject("aud missing", claims(c -> c.remove("aud")), 400, "BAD_REQUEST"),
                reject("exp missing", claims(c -> c.remove("exp")), 400, "BAD_REQUEST"),
                reject("iat missing", claims(c -> c.remove("iat")), 400, "BAD_REQUEST"),
                reject("reason_for_request missing", claims(c -> c.remove("reason_for_request")), 400, "BAD_REQUEST"),
                reject("requested_scope missing", claims(c -> c.remove("requested_scope")), 400, "BAD_REQUEST"),
                reject("requesting_device missing", claims(c -> c.remove("requesting_device")), 400, "BAD_REQUEST"),
                reject("requesting_device.model missing", claims(c -> ((ObjectNode) c.get("requesting_device")).remove("model")), 400, "BAD_REQUEST"),
                reject("requesting_organization missing", claims(c -> c.remove("requesting_organization")), 400, "BAD_REQUEST"),
                reject("requesting_organization ODS identifier missing", claims(c -> ((ObjectNode) c.get("requesting_organization")).remove("identifier")), 400, "BAD_REQUEST"),
                reject("requesting_practitioner missing", claims(c -> c.remove("requesting_practitioner")), 400, "BAD_REQUEST"),
                reject("requesting_practitioner.name.family missing", claims(c -> ((ObjectNode) c.get("requesting_practitioner").get("name").get(0)).remove("family")), 400, "BAD_REQUEST"),
                reject("requesting_practitioner sds-user-id missing", claims(c -> ((ArrayNode) c.get("requesting_practitioner").get("identifier")).remove(0)), 400, "BAD_REQUEST"),
                reject("exp - iat = 299", claims(c -> c.put("exp", c.get("iat").asLong() + 299)), 400, "BAD_REQUEST"),
                reject("exp - iat = 301", claims(c -> c.put("exp", c.get("iat").asLong() + 301)), 400, "BAD_REQUEST"),
                reject("expired", "Bearer " + GpConnectJwt.withScope("organization/*.read", Instant.now().minusSeconds(600)).encode(), 400, "BAD_REQUEST"),
                reject("reason_for_request migration", claims(c -> c.put("reason_for_request", "migration")), 400, "BAD_REQUEST"),
                reject("requested_scope not permitted", claims(c -> c.put("requested_scope", "system/*.read")), 400, "BAD_REQUEST"),
                reject("requested_scope read/write wrong", claims(c -> c.put("requested_scope", "organization/*.write")), 400, "BAD_REQUEST"),
                reject("requesting_practitioner.id differs from sub", claims(c -> c.put("sub", "2")), 400, "BAD_REQUEST"),
                reject("claim resource not valid FHIR", claims(c -> ((ObjectNode) c.get("requesting_device")).put("colour", "blue")), 422, "INVALID_RESOURCE"),
                reject("requesting_device wrong resourceType", claims(c -> ((ObjectNode) c.get("requesting_device")).put("resourceType", "Patient")), 422, "INVALID_RESOURCE"),
                reject("requesting_practitioner wrong resourceType", claims(c -> ((ObjectNode) c.get("requesting_practitioner")).put("resourceType", "Device")), 422, "INVALID_RESOURCE"),
                reject("exp as text", claims(c -> c.put("exp", "1700000300")), 400, "BAD_REQUEST"),
                reject("claim resource given as a string", claims(c -> c.put("requesting_organization", "GPCA0001")), 400, "BAD_REQUEST"),
                reject("number too large for a long", claims(c -> c.put("iat", new java.math.BigInteger("123456789012345678901234567890"))), 400, "BAD_REQUEST"),
                reject("requested_record on a 1.x root", claims(c -> c.putObject("requested_record").put("resourceType", "Patient")), 400, "BAD_REQUEST"),
                accept("iat in the future", "Bearer " + GpConnectJwt.withScope("organization/*.read", Instant.now().plusSeconds(200)).encode()),
                accept("sds ids UNK", claims(c -> c.get("requesting_practitioner").get("identifier").forEach(id -> ((ObjectNode) id).put("value", "UNK")))),
                accept("no role profile or local id", claims(c -> {
                    ArrayNode ids = (ArrayNode) c.get("requesting_practitioner").get("identifier");
                    ids.remove(2);
                    ids.remove(1);
                })),
                accept("legacy ODS system", claims(c -> ((ObjectNode) c.get("requesting_organization").get("identifier").get(0))
                        .put("system", "http://fhir.nhs.net/Id/ods-organization-code"))),
                accept("aud is the service root URL", claims(c -> c.put("aud", "https://provider.example/B82617/STU3/1"))),
                accept("scope with conf/N", claims(c -> c.put("requested_scope", "organization/*.read conf/N"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void row(Row row) {
        var request = ConsumerRequests.consumer()
                .header("Ssp-TraceID", java.util.UUID.randomUUID().toString())
                .header("Ssp-From", "200000000359")
                .header("Ssp-To", "918999198738")
                .header("Ssp-InteractionID", Interaction.METADATA_READ.id());
        if (row.authorization() != null) {
            request.header("Authorization", row.authorization());
        }
        var response = request.when().get(METADATA).then().statusCode(row.status());
        if (row.code() != null) {
            response.body("issue[0].details.coding[0].code", equalTo(row.code()));
            assertThat(StubService.received()).as("nothing forwarded").isEmpty();
        } else {
            assertThat(StubService.received()).as("forwarded").hasSize(1);
        }
    }

    private static GpConnectJwt valid() {
        return GpConnectJwt.withScope("organization/*.read");
    }

    private static String bearer(GpConnectJwt jwt) {
        return jwt.bearer();
    }

    private static String claims(Consumer<ObjectNode> edit) {
        return valid().claims(edit).bearer();
    }

    private static Arguments reject(String description, String authorization, int status, String code) {
        return Arguments.of(new Row(description, authorization, status, code));
    }

    private static Arguments accept(String description, String authorization) {
        return Arguments.of(new Row(description, authorization, 200, null));
    }
}
