package org.gpconnect.gateway.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.identifier.IdentifierSystems;

/**
 * §3.2 "any claim missing or null … (+identifier, model, version), (+name, ODS identifier), (+id,
 * name.family, name.given, sds-user-id identifier)": the elements a claim resource must carry, each 400
 * {@code BAD_REQUEST} when missing. Role-profile and local ids may be absent and SDS ids may be {@code UNK};
 * the legacy ODS system is accepted (backward compatibility). The 0.x form uses the 0.x systems and a
 * single HumanName whose family is an array.
 */
public final class ClaimContentRule implements JwtRule {

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        device(jwt.claim(Claims.REQUESTING_DEVICE));
        organization(jwt.claim(Claims.REQUESTING_ORGANIZATION));
        practitioner(jwt.claim(Claims.REQUESTING_PRACTITIONER), context.legacyForm());
    }

    private static void device(JsonNode device) {
        if (!hasValue(device.path("identifier"))) {
            throw missing(Claims.REQUESTING_DEVICE, "identifier");
        }
        require(device, "model", Claims.REQUESTING_DEVICE);
        require(device, "version", Claims.REQUESTING_DEVICE);
    }

    private static void organization(JsonNode organization) {
        require(organization, "name", Claims.REQUESTING_ORGANIZATION);
        if (!hasIdentifier(organization, IdentifierSystems.ODS_ORGANIZATION_CODE, IdentifierSystems.DSTU2_ODS_ORGANIZATION_CODE)) {
            throw missing(Claims.REQUESTING_ORGANIZATION, "identifier (ODS organisation code)");
        }
    }

    private static void practitioner(JsonNode practitioner, boolean legacyForm) {
        require(practitioner, "id", Claims.REQUESTING_PRACTITIONER);
        JsonNode name = practitioner.path("name");
        if (legacyForm) {
            if (name.isArray()) {
                name = name.path(0); // tolerate the 1.x shape on the 0.x root
            }
            if (!hasText(name.path("family"))) {
                throw missing(Claims.REQUESTING_PRACTITIONER, "name.family");
            }
        } else {
            name = name.path(0);
            if (!name.path("family").isTextual() || name.path("family").asText().isBlank()) {
                throw missing(Claims.REQUESTING_PRACTITIONER, "name.family");
            }
        }
        if (!hasText(name.path("given"))) {
            throw missing(Claims.REQUESTING_PRACTITIONER, "name.given");
        }
        if (!hasIdentifier(practitioner, IdentifierSystems.SDS_USER_ID, IdentifierSystems.DSTU2_SDS_USER_ID)) {
            throw missing(Claims.REQUESTING_PRACTITIONER, "identifier (SDS user id)");
        }
    }

    private static boolean hasIdentifier(JsonNode resource, String system, String legacySystem) {
        for (JsonNode identifier : resource.path("identifier")) {
            String s = identifier.path("system").asText();
            if ((system.equals(s) || legacySystem.equals(s)) && hasText(identifier.path("value"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasValue(JsonNode identifiers) {
        for (JsonNode identifier : identifiers) {
            if (hasText(identifier.path("value"))) {
                return true;
            }
        }
        return false;
    }

    /** A non-blank string, or an array holding at least one. */
    private static boolean hasText(JsonNode node) {
        if (node.isTextual()) {
            return !node.asText().isBlank();
        }
        for (JsonNode item : node) {
            if (item.isTextual() && !item.asText().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static void require(JsonNode resource, String element, String claim) {
        if (!hasText(resource.path(element))) {
            throw missing(claim, element);
        }
    }

    private static GpConnectException missing(String claim, String element) {
        return GpConnectException.badRequest("The JWT claim " + claim + " has no " + element);
    }
}
