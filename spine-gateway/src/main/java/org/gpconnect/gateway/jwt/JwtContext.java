package org.gpconnect.gateway.jwt;

import java.time.Instant;
import org.gpconnect.common.fhir.FhirVersion;
import org.gpconnect.common.interaction.Interaction;

/**
 * What a JWT is judged against: the interaction requested, the FHIR release of the addressed service root
 * (a DSTU2 root takes the 0.x token form, access-record-html.md §1) and the time now.
 */
public record JwtContext(Interaction interaction, FhirVersion version, Instant now) {

    /** Whether the 0.x (Access Record HTML, DSTU2) form of the token applies. */
    public boolean legacyForm() {
        return version == FhirVersion.DSTU2;
    }
}
