package org.gpconnect.appointment.booking;

import org.gpconnect.common.security.GpConnectRequestContext;

/**
 * Who made a change to an appointment, as stored with it (security-and-audit.md §3.3): through which
 * GP Connect interaction and request, from which consumer system and organisation, by which practitioner.
 * A change made in the practice's own system has none of the GP Connect facts.
 */
public record ChangeAuthor(
        AppointmentOrigin origin,
        String interactionId,
        String traceId,
        String consumerAsid,
        String organizationOds,
        String organizationName,
        String practitionerId,
        String practitionerSdsUserId,
        String practitionerSdsRoleProfileId,
        String practitionerName) {

    /** The practice itself (its own system, or its demo seed data). */
    public static final ChangeAuthor PRACTICE = new ChangeAuthor(AppointmentOrigin.PRACTICE,
            null, null, null, null, null, null, null, null, null);

    /** The consumer of a GP Connect request, as the gateway validated it. */
    public static ChangeAuthor of(GpConnectRequestContext request) {
        return new ChangeAuthor(AppointmentOrigin.GP_CONNECT, request.interactionId(), request.traceId(),
                request.consumerAsid(), request.requestingOrganizationOds(), request.requestingOrganizationName(),
                request.practitionerId(), request.practitionerSdsUserId(), request.practitionerSdsRoleProfileId(),
                request.practitionerName());
    }
}
