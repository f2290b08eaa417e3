package org.gpconnect.gateway.viewer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.gpconnect.common.interaction.Interaction;

/**
 * The consumer request the viewer sends for one rendering, formed as a consumer system must form it
 * (foundations.md §2.1, access-record-html.md §1): {@code POST {service root}/Patient/$gpc.getcarerecord}
 * with a new Ssp-TraceID, Ssp-From = the viewer's ASID, Ssp-To = the practice's ASID from the endpoint
 * registry, the interaction ID, the 0.x JWT and the Parameters body, in DSTU2 JSON.
 */
public record CareRecordCall(String target, Map<String, String> headers, String body) {

    public static final String MEDIA_TYPE = "application/json+fhir";

    public static CareRecordCall of(CareRecordQuery query, ViewerIdentity viewer, Operator operator, String issuer, String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Ssp-TraceID", UUID.randomUUID().toString());
        headers.put("Ssp-From", viewer.asid());
        headers.put("Ssp-To", query.endpoint().providerAsid());
        headers.put("Ssp-InteractionID", Interaction.HTML_CARE_RECORD.id());
        headers.put("Authorization", "Bearer " + CareRecordJwt.encode(viewer, operator, query.nhsNumber(), issuer, version, Instant.now()));
        headers.put("Accept", MEDIA_TYPE);
        headers.put("Content-Type", MEDIA_TYPE + ";charset=utf-8");
        return new CareRecordCall(query.endpoint().serviceRoot() + Interaction.HTML_CARE_RECORD.pathTemplate(),
                Map.copyOf(headers), CareRecordParameters.json(query));
    }

    public String traceId() {
        return headers.get("Ssp-TraceID");
    }
}
