package org.gpconnect.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.gpconnect.common.event.AuditEventV1;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.identifier.NhsNumber;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.gateway.check.ConsumerRequest;
import org.gpconnect.gateway.check.SspHeaders;
import org.gpconnect.gateway.jwt.ConsumerJwt;

/**
 * What one exchange contributes to its audit record, gathered while it runs (the outcome code of a
 * rejection, the patient a service named) and turned into an {@link AuditEventV1} when the response ends.
 * Header values are bounded, since a rejected request may carry anything.
 */
public final class ExchangeAudit {

    private static final int MAX_FIELD = 200;

    private final long startedNanos = System.nanoTime();
    private String outcomeCode;
    private String outcomeKind;
    private String patientNhsNumber;

    /**
     * The failure: its code for the audit record (Spine code or SSP token) and a bounded kind for metrics
     * (Spine code or the SSP check's name).
     */
    public void outcome(String code, String kind) {
        this.outcomeCode = code;
        this.outcomeKind = kind;
    }

    /** The bounded kind of the failure, or null. */
    public String outcomeKind() {
        return outcomeKind;
    }

    /** The NHS number a service reported for the request (only a valid one is kept). */
    public void patientNhsNumber(String nhsNumber) {
        if (NhsNumber.isValid(nhsNumber)) {
            this.patientNhsNumber = nhsNumber;
        }
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    public AuditEventV1 toEvent(ConsumerRequest request, String path, int status) {
        ConsumerJwt jwt = request.jwt();
        JsonNode practitioner = jwt == null ? null : jwt.claim("requesting_practitioner");
        JsonNode organization = jwt == null ? null : jwt.claim("requesting_organization");
        return new AuditEventV1(
                UUID.randomUUID().toString(),
                Instant.now(),
                bounded(request.header(SspHeaders.TRACE_ID)),
                bounded(request.header(SspHeaders.INTERACTION_ID)),
                bounded(request.header(SspHeaders.FROM)),
                bounded(request.header(SspHeaders.TO)),
                request.route() == null ? null : request.route().endpoint().odsCode(),
                identifier(organization, IdentifierSystems.ODS_ORGANIZATION_CODE, IdentifierSystems.DSTU2_ODS_ORGANIZATION_CODE),
                practitioner == null ? null : bounded(practitioner.path("id").asText(null)),
                identifier(practitioner, IdentifierSystems.SDS_USER_ID, IdentifierSystems.DSTU2_SDS_USER_ID),
                identifier(practitioner, IdentifierSystems.SDS_ROLE_PROFILE_ID, IdentifierSystems.SDS_ROLE_PROFILE_ID),
                jwt == null ? null : device(jwt.claim("requesting_device")),
                patientNhsNumber != null ? patientNhsNumber : fromQuery(request),
                request.method(),
                bounded(path),
                status,
                outcomeCode,
                elapsedMillis());
    }

    /** Patient search names the patient in its query: {@code identifier=<nhs-number system>|<number>}. */
    private static String fromQuery(ConsumerRequest request) {
        if (request.interaction() != Interaction.PATIENT_SEARCH || request.route() == null || request.route().query() == null) {
            return null;
        }
        for (String pair : request.route().query().split("&")) {
            if (pair.startsWith("identifier=")) {
                String value;
                try {
                    value = URLDecoder.decode(pair.substring("identifier=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                int bar = value.indexOf('|');
                if (bar > 0 && value.substring(0, bar).equals(IdentifierSystems.NHS_NUMBER) && NhsNumber.isValid(value.substring(bar + 1))) {
                    return value.substring(bar + 1);
                }
            }
        }
        return null;
    }

    private static String identifier(JsonNode resource, String system, String legacySystem) {
        if (resource == null) {
            return null;
        }
        for (JsonNode id : resource.path("identifier")) {
            String s = id.path("system").asText();
            if ((s.equals(system) || s.equals(legacySystem)) && id.path("value").isTextual()) {
                return bounded(id.path("value").asText());
            }
        }
        return null;
    }

    private static String device(JsonNode device) {
        if (device == null || !device.isObject()) {
            return null;
        }
        JsonNode id = device.path("identifier").path(0);
        return bounded((id.path("system").asText() + "|" + id.path("value").asText() + " "
                + device.path("model").asText() + " " + device.path("version").asText()).trim());
    }

    private static String bounded(String value) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > MAX_FIELD ? printable.substring(0, MAX_FIELD) : printable;
    }
}
