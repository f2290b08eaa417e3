package org.gpconnect.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Builds the consumer's GP Connect JWT (foundations.md §3): unsigned ({@code alg: none}), base64url
 * without padding, ending in a '.', with the claims the NHS provider test pack sends
 * (testdata/endpoints.yaml). Every part can be changed, so tests can produce each faulty variant.
 */
public final class GpConnectJwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode header = JSON.createObjectNode();
    private final ObjectNode claims = JSON.createObjectNode();

    private GpConnectJwt(String scope, Instant issuedAt) {
        header.put("alg", "none");
        header.put("typ", "JWT");
        long iat = issuedAt.getEpochSecond();
        claims.put("iss", "https://consumersupplier.thirdparty.nhs.uk/");
        claims.put("sub", "1");
        claims.put("aud", "https://authorize.fhir.nhs.net/token");
        claims.put("exp", iat + 300);
        claims.put("iat", iat);
        claims.put("reason_for_request", "directcare");
        claims.put("requested_scope", scope);
        ObjectNode device = claims.putObject("requesting_device");
        device.put("resourceType", "Device");
        ObjectNode deviceId = device.putArray("identifier").addObject();
        deviceId.put("system", "https://consumersupplier.thirdparty.nhs.uk/Id/device-identifier");
        deviceId.put("value", "GPC001");
        device.put("model", "GP Connect consumer test tool");
        device.put("version", "1.0");
        ObjectNode org = claims.putObject("requesting_organization");
        org.put("resourceType", "Organization");
        ObjectNode orgId = org.putArray("identifier").addObject();
        orgId.put("system", "https://fhir.nhs.uk/Id/ods-organization-code");
        orgId.put("value", "GPCA0001");
        org.put("name", "GP Connect Assurance");
        ObjectNode practitioner = claims.putObject("requesting_practitioner");
        practitioner.put("resourceType", "Practitioner");
        practitioner.put("id", "1");
        ObjectNode name = practitioner.putArray("name").addObject();
        name.put("family", "Assurance");
        name.putArray("given").add("Test");
        name.putArray("prefix").add("Dr");
        var identifiers = practitioner.putArray("identifier");
        identifiers.addObject().put("system", "https://fhir.nhs.uk/Id/sds-user-id").put("value", "GCASDS0001");
        identifiers.addObject().put("system", "https://fhir.nhs.uk/Id/sds-role-profile-id").put("value", "112233445566");
        identifiers.addObject().put("system", "https://consumersupplier.thirdparty.nhs.uk/Id/user-guid").put("value", "98ed4f78-814d-4266-8d5b-cde742f3093c");
    }

    /** A valid token asking for the given scope, issued now. */
    public static GpConnectJwt withScope(String scope) {
        return new GpConnectJwt(scope, Instant.now());
    }

    public static GpConnectJwt withScope(String scope, Instant issuedAt) {
        return new GpConnectJwt(scope, issuedAt);
    }

    /**
     * The 0.x token of Access Record HTML (access-record-html.md §1): {@code patient/*.read}, DSTU2 claim
     * resources (each with an id, the practitioner's single HumanName with an array family, the 0.x identifier
     * systems) and {@code requested_record}, a Patient with the NHS number.
     */
    public static GpConnectJwt careRecord(String nhsNumber) {
        return withScope("patient/*.read").claims(c -> {
            ((ObjectNode) c.get("requesting_device")).put("id", "1");
            ObjectNode org = (ObjectNode) c.get("requesting_organization");
            org.put("id", "1");
            ((ObjectNode) org.get("identifier").get(0)).put("system", "http://fhir.nhs.net/Id/ods-organization-code");
            ObjectNode practitioner = (ObjectNode) c.get("requesting_practitioner");
            ObjectNode name = practitioner.putObject("name");
            name.putArray("family").add("Assurance");
            name.putArray("given").add("Test");
            name.putArray("prefix").add("Dr");
            var identifiers = practitioner.putArray("identifier");
            identifiers.addObject().put("system", "http://fhir.nhs.net/sds-user-id").put("value", "GCASDS0001");
            c.putObject("requested_record").put("resourceType", "Patient").putArray("identifier").addObject()
                    .put("system", "http://fhir.nhs.net/Id/nhs-number").put("value", nhsNumber);
        });
    }

    /** Edits the claims (an ObjectNode) in place. */
    public GpConnectJwt claims(Consumer<ObjectNode> edit) {
        edit.accept(claims);
        return this;
    }

    /** Edits the JOSE header in place. */
    public GpConnectJwt header(Consumer<ObjectNode> edit) {
        edit.accept(header);
        return this;
    }

    /** The token: base64url(header) "." base64url(claims) "." with the empty signature. */
    public String encode() {
        return part(header.toString()) + "." + part(claims.toString()) + ".";
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + encode();
    }

    public static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
