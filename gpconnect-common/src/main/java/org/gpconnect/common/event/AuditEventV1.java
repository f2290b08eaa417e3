package org.gpconnect.common.event;

import java.time.Instant;

/**
 * One consumer request as the gateway audited it (security-and-audit.md §3), version 1 of the payload of
 * Kafka topic {@value #TOPIC} (key: the trace id, else the record id). Documented for integrators in
 * docs/asyncapi.yaml. Fields are null when the request did not carry them (a rejected request may lack
 * most of them).
 *
 * @param recordId                  unique id of this audit record
 * @param recordedAt                when the response was completed
 * @param traceId                   Ssp-TraceID
 * @param interactionId             Ssp-InteractionID as sent
 * @param consumerAsid              Ssp-From
 * @param providerAsid              Ssp-To
 * @param targetOds                 the practice addressed by the service root URL
 * @param requestingOrganizationOds JWT requesting_organization ODS code
 * @param practitionerId            JWT requesting_practitioner id (= sub)
 * @param practitionerSdsUserId     its SDS user id
 * @param practitionerRoleProfileId its SDS role profile id
 * @param device                    JWT requesting_device "system|value model version"
 * @param patientNhsNumber          the patient the request concerned, when known
 * @param httpMethod                request method
 * @param requestPath               request path, without the query (which may hold identifiers)
 * @param httpStatus                status returned to the consumer
 * @param outcomeCode               Spine error code or SSP token of a failure; null on success
 * @param latencyMillis             time from request to the end of the response
 */
public record AuditEventV1(
        String recordId,
        Instant recordedAt,
        String traceId,
        String interactionId,
        String consumerAsid,
        String providerAsid,
        String targetOds,
        String requestingOrganizationOds,
        String practitionerId,
        String practitionerSdsUserId,
        String practitionerRoleProfileId,
        String device,
        String patientNhsNumber,
        String httpMethod,
        String requestPath,
        int httpStatus,
        String outcomeCode,
        long latencyMillis) {

    public static final String TOPIC = "gpconnect.audit.v1";
    public static final String TYPE = "gpconnect.audit.request.v1";
}
