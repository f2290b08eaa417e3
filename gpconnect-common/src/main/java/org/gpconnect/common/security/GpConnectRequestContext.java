package org.gpconnect.common.security;

/**
 * Who asked for what, as validated by the gateway and carried by the internal token: the services use it
 * for provenance (who booked, who registered) and audit, never for routing.
 *
 * @param traceId                      Ssp-TraceID of the consumer request
 * @param interactionId                Ssp-InteractionID, already matched to method and path
 * @param consumerAsid                 Ssp-From
 * @param providerAsid                 Ssp-To
 * @param providerOds                  ODS code of the practice addressed by the service root URL
 * @param requestingOrganizationOds    ODS code of the originating organisation (JWT)
 * @param requestingOrganizationName   its name (JWT)
 * @param practitionerId               requesting practitioner's id in the consumer system (JWT {@code sub})
 * @param practitionerSdsUserId        SDS user id, or {@code UNK}
 * @param practitionerSdsRoleProfileId SDS role profile id, {@code UNK} or null
 * @param practitionerName             display name of the practitioner
 * @param device                       requesting device, "system|value model version"
 * @param scope                        JWT requested_scope
 */
public record GpConnectRequestContext(
        String traceId,
        String interactionId,
        String consumerAsid,
        String providerAsid,
        String providerOds,
        String requestingOrganizationOds,
        String requestingOrganizationName,
        String practitionerId,
        String practitionerSdsUserId,
        String practitionerSdsRoleProfileId,
        String practitionerName,
        String device,
        String scope) {
}
