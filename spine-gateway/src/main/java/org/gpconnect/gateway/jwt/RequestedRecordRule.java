package org.gpconnect.gateway.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.fhir.FhirContexts;
import org.gpconnect.common.interaction.Interaction;

/**
 * {@code requested_record}: a 0.x claim. On 1.x service roots it must not be sent (§3.2, reference
 * implementation: 400); on the 0.x HTML root it is required (access-record-html.md §1): a Patient for the
 * care record, an Organization for the metadata — only its presence and type are checked.
 */
public final class RequestedRecordRule implements JwtRule {

    @Override
    public void check(ConsumerJwt jwt, JwtContext context) {
        JsonNode record = jwt.claim(Claims.REQUESTED_RECORD);
        if (!context.legacyForm()) {
            if (record != null) {
                throw GpConnectException.badRequest("requested_record is a GP Connect 0.x claim and is not accepted here");
            }
            return;
        }
        if (record == null || !record.isObject()) {
            throw GpConnectException.badRequest("requested_record is missing");
        }
        String expected = context.interaction() == Interaction.HTML_METADATA_READ ? "Organization" : "Patient";
        ClaimResourceRule.validate(FhirContexts.dstu2(), context.version(), record, expected, Claims.REQUESTED_RECORD);
    }
}
