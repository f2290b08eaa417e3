package org.gpconnect.gateway.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.common.error.GpConnectException;

/**
 * §3.2 "any claim missing or null" and "claim of the wrong JSON type": every required claim is present and
 * of its JSON type — text for iss, sub, aud, reason_for_request, requested_scope; whole numbers that fit a
 * long for exp and iat; JSON objects for the three claim resources. All 400 {@code BAD_REQUEST}.
 */
public final class ClaimShapeRule implements JwtRule {

    private static final String[] TEXT = {Claims.ISS, Claims.SUB, Claims.AUD, Claims.REASON_FOR_REQUEST, Claims.REQUESTED_SCOPE};
    private static final String[] NUMBERS = {Claims.EXP, Claims.IAT};
    private static final String[] RESOURCES = {Claims.REQUESTING_DEVICE, Claims.REQUESTING_ORGANIZATION, Claims.REQUESTING_PRACTITIONER};

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        for (String name : TEXT) {
            JsonNode claim = present(jwt, name);
            if (!claim.isTextual() || claim.asText().isBlank()) {
                throw GpConnectException.badRequest("The JWT claim " + name + " must be a non-empty string");
            }
        }
        for (String name : NUMBERS) {
            JsonNode claim = present(jwt, name);
            if (!claim.isIntegralNumber() || !claim.canConvertToLong()) {
                throw GpConnectException.badRequest("The JWT claim " + name + " must be a whole number of seconds");
            }
        }
        for (String name : RESOURCES) {
            if (!present(jwt, name).isObject()) {
                throw GpConnectException.badRequest("The JWT claim " + name + " must be a FHIR resource (a JSON object)");
            }
        }
    }

    private static JsonNode present(ConsumerJwt jwt, String name) {
        JsonNode claim = jwt.claim(name);
        if (claim == null || claim.isNull()) {
            throw GpConnectException.badRequest("The JWT claim " + name + " is missing");
        }
        return claim;
    }
}
