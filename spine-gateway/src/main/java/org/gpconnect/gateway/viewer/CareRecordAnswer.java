package org.gpconnect.gateway.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.common.identifier.IdentifierSystems;

/**
 * Reads the gateway's answer to a care-record request as a consumer system does: from a 200 Bundle the
 * Composition's {@code section[0].text.div} (access-record-html.md §3) and the Patient; from anything else
 * the OperationOutcome's code and diagnostics. Never fails: an answer it cannot read is reported as such.
 */
public final class CareRecordAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CareRecordAnswer() {
    }

    public static RenderResult read(CareRecordCall call, CareRecordQuery query, ConsumerListenerClient.Answer answer) {
        JsonNode resource = parse(answer.body());
        String type = resource == null ? null : resource.path("resourceType").asText(null);
        RenderResult.Outcome outcome = null;
        String html = null;
        RenderResult.Patient patient = null;
        if (answer.status() == 200 && "Bundle".equals(type)) {
            html = sectionDiv(resource);
            patient = patient(resource);
            if (html == null) {
                outcome = new RenderResult.Outcome(null, null, "The Bundle has no Composition with section[0].text.div");
            }
        } else if ("OperationOutcome".equals(type)) {
            outcome = outcome(resource);
        } else {
            outcome = new RenderResult.Outcome(null, null, "The gateway answered HTTP " + answer.status() + " with "
                    + (answer.contentType() == null ? "no Content-Type" : answer.contentType()) + ", not a FHIR JSON "
                    + (answer.status() == 200 ? "Bundle" : "OperationOutcome"));
        }
        return new RenderResult(answer.status(), call.traceId(), query.endpoint().odsCode(), query.section().code(),
                query.section().title(), html, patient, outcome);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String sectionDiv(JsonNode bundle) {
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if ("Composition".equals(resource.path("resourceType").asText())) {
                JsonNode div = resource.path("section").path(0).path("text").path("div");
                return div.isTextual() ? div.asText() : null;
            }
        }
        return null;
    }

    /** DSTU2 Patient: name[0] with family and given as arrays, the 0.x NHS number system. */
    private static RenderResult.Patient patient(JsonNode bundle) {
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if ("Patient".equals(resource.path("resourceType").asText())) {
                JsonNode name = resource.path("name").path(0);
                StringBuilder text = new StringBuilder();
                name.path("prefix").forEach(p -> text.append(p.asText()).append(' '));
                name.path("given").forEach(g -> text.append(g.asText()).append(' '));
                JsonNode family = name.path("family");
                if (family.isArray()) {
                    family.forEach(f -> text.append(f.asText()).append(' '));
                } else if (family.isTextual()) {
                    text.append(family.asText());
                }
                String nhsNumber = null;
                for (JsonNode identifier : resource.path("identifier")) {
                    if (IdentifierSystems.DSTU2_NHS_NUMBER.equals(identifier.path("system").asText())) {
                        nhsNumber = identifier.path("value").asText(null);
                    }
                }
                return new RenderResult.Patient(text.toString().strip(), nhsNumber,
                        resource.path("birthDate").asText(null), resource.path("gender").asText(null));
            }
        }
        return null;
    }

    private static RenderResult.Outcome outcome(JsonNode outcome) {
        JsonNode issue = outcome.path("issue").path(0);
        JsonNode coding = issue.path("details").path("coding").path(0);
        return new RenderResult.Outcome(coding.path("code").asText(null), coding.path("display").asText(null),
                issue.path("diagnostics").asText(null));
    }
}
