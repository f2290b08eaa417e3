package org.gpconnect.gateway.jwt;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.fhir.FhirVersion;

/**
 * §3.2 "claim JSON is not a valid FHIR resource, or wrong resourceType": each claim resource must parse,
 * strictly, as the resource it stands for (Device, Organization, Practitioner) in the FHIR release of the
 * service root — STU3 for 1.x, DSTU2 for the 0.x HTML root. Failing that is 422 {@code INVALID_RESOURCE}.
 */
public final class ClaimResourceRule implements JwtRule {

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        FhirContext fhir = FhirContexts.of(context.version());
        validate(fhir, context.version(), jwt.claim(Claims.REQUESTING_DEVICE), "Device", Claims.REQUESTING_DEVICE);
        validate(fhir, context.version(), jwt.claim(Claims.REQUESTING_ORGANIZATION), "Organization", Claims.REQUESTING_ORGANIZATION);
        validate(fhir, context.version(), jwt.claim(Claims.REQUESTING_PRACTITIONER), "Practitioner", Claims.REQUESTING_PRACTITIONER);
    }

    static void validate(FhirContext fhir, FhirVersion version, JsonNode resource, String expectedType, String claim) {
        JsonNode type = resource.get("resourceType");
        if (type == null || !expectedType.equals(type.asText())) {
            throw GpConnectException.invalidResource("The JWT claim " + claim + " must be a " + expectedType + " resource");
        }
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            parser.parseResource(fhir.getResourceDefinition(expectedType).getImplementingClass(), resource.toString());
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw GpConnectException.invalidResource("The JWT claim " + claim + " is not a valid " + version + " "
                    + expectedType + " resource");
        }
    }
}
