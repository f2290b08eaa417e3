package org.gpconnect.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.gpconnect.common.interaction.Interaction;

/**
 * The Ssp-* headers and bearer token of a consumer request (foundations.md §2.1), with the NHS test
 * pack's ASIDs (testdata/endpoints.yaml): consumer 200000000359 to provider 918999198738.
 */
public final class SspHeaders {

    public static final String CONSUMER_ASID = "200000000359";
    public static final String PROVIDER_ASID = "918999198738";

    private SspHeaders() {
    }

    /** Headers for a valid request of this interaction, with a fresh trace id and JWT. */
    public static Map<String, String> forInteraction(Interaction interaction) {
        return forInteraction(interaction.id(), GpConnectJwt.withScope(interaction.scope().value()));
    }

    public static Map<String, String> forInteraction(String interactionId, GpConnectJwt jwt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Ssp-TraceID", UUID.randomUUID().toString());
        headers.put("Ssp-From", CONSUMER_ASID);
        headers.put("Ssp-To", PROVIDER_ASID);
        headers.put("Ssp-InteractionID", interactionId);
        headers.put("Authorization", jwt.bearer());
        return headers;
    }
}
