package org.gpconnect.gateway.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.interaction.Interaction;

/**
 * The consumer JWT of a care-record request in its 0.x form (access-record-html.md §1, foundations.md §3):
 * unsigned, {@code aud} the fixed 0.x value, {@code exp = iat + 300}, DSTU2 claim resources with ids, a
 * single practitioner HumanName whose family is an array, the 0.x identifier systems, and
 * {@code requested_record}, a Patient with the NHS number. The practitioner is the operator.
 */
public final class CareRecordJwt {

    /** The 0.x {@code aud}, fixed whatever the provider. */
    public static final String AUDIENCE = "https://authorize.fhir.nhs.net/token";
    /** System of the viewer's own identifiers (device, operator). */
    public static final String VIEWER_SYSTEM = "https://gpconnect-provider-suite.org/Id/record-viewer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CareRecordJwt() {
    }

    /**
     * @param issuer    where the viewer is served (the consumer system's endpoint URL)
     * @param version   the viewer's software version (requesting_device.version)
     */
    public static String encode(ViewerIdentity viewer, Operator operator, String nhsNumber, String issuer, String version, Instant now) {
        long iat = now.getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", issuer);
        claims.put("sub", operator.id());
        claims.put("aud", AUDIENCE);
        claims.put("exp", iat + 300);
        claims.put("iat", iat);
        claims.put("reason_for_request", "directcare");
        claims.put("requested_scope", Interaction.HTML_CARE_RECORD.scope().value());

        ObjectNode device = claims.putObject("requesting_device");
        device.put("resourceType", "Device");
        device.put("id", "1");
        device.putArray("identifier").addObject().put("system", VIEWER_SYSTEM).put("value", "record-viewer");
        device.putObject("type").put("text", "GP Connect record viewer");
        device.put("model", "spine-gateway record viewer");
        device.put("version", version);

        ObjectNode organization = claims.putObject("requesting_organization");
        organization.put("resourceType", "Organization");
        organization.put("id", "1");
        organization.putArray("identifier").addObject()
                .put("system", IdentifierSystems.DSTU2_ODS_ORGANIZATION_CODE).put("value", viewer.organizationOds());
        organization.put("name", viewer.organizationName());

        ObjectNode practitioner = claims.putObject("requesting_practitioner");
        practitioner.put("resourceType", "Practitioner");
        practitioner.put("id", operator.id());
        ObjectNode name = practitioner.putObject("name");
        name.putArray("family").add(operator.familyName());
        name.putArray("given").add(operator.givenName());
        ArrayNode identifiers = practitioner.putArray("identifier");
        // an operator has no smartcard: the SDS user id is UNK, as §3.1 allows
        identifiers.addObject().put("system", IdentifierSystems.DSTU2_SDS_USER_ID).put("value", "UNK");
        identifiers.addObject().put("system", VIEWER_SYSTEM + "/operator").put("value", operator.id());

        ObjectNode record = claims.putObject("requested_record");
        record.put("resourceType", "Patient");
        record.putArray("identifier").addObject().put("system", IdentifierSystems.DSTU2_NHS_NUMBER).put("value", nhsNumber);

        return part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(claims.toString()) + ".";
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
