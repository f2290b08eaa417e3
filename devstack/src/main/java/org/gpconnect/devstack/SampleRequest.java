package org.gpconnect.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A ready-to-paste request for the local suite: the CapabilityStatement of demo practice B82617 through
 * the gateway, with the Ssp-* headers and an unsigned GP Connect JWT as the NHS test pack sends them.
 */
final class SampleRequest {

    private SampleRequest() {
    }

    static String metadataCurl(String gatewayUrl) {
        long iat = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://consumersupplier.thirdparty.nhs.uk/\",\"sub\":\"1\","
                + "\"aud\":\"https://authorize.fhir.nhs.net/token\",\"exp\":" + (iat + 300) + ",\"iat\":" + iat + ","
                + "\"reason_for_request\":\"directcare\",\"requested_scope\":\"organization/*.read\","
                + "\"requesting_device\":{\"resourceType\":\"Device\",\"identifier\":[{\"system\":\"https://consumersupplier.thirdparty.nhs.uk/Id/device-identifier\",\"value\":\"GPC001\"}],\"model\":\"curl\",\"version\":\"1.0\"},"
                + "\"requesting_organization\":{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"GPCA0001\"}],\"name\":\"GP Connect Assurance\"},"
                + "\"requesting_practitioner\":{\"resourceType\":\"Practitioner\",\"id\":\"1\",\"name\":[{\"family\":\"Assurance\",\"given\":[\"Test\"],\"prefix\":[\"Dr\"]}],"
                + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/sds-user-id\",\"value\":\"GCASDS0001\"},{\"system\":\"https://fhir.nhs.uk/Id/sds-role-profile-id\",\"value\":\"112233445566\"}]}}";
        String jwt = part(header) + "." + part(claims) + ".";
        return "curl -s " + gatewayUrl + "/B82617/STU3/1/gpconnect/fhir/metadata \\\n"
                + "  -H 'Ssp-TraceID: " + UUID.randomUUID() + "' \\\n"
                + "  -H 'Ssp-From: 200000000359' -H 'Ssp-To: 918999198738' \\\n"
                + "  -H 'Ssp-InteractionID: urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1' \\\n"
                + "  -H 'Accept: application/fhir+json' \\\n"
                + "  -H 'Authorization: Bearer " + jwt + "'";
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
