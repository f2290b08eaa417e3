package org.gpconnect.gateway.viewer;

/**
 * Who the viewer is as a consumer system: its ASID (Ssp-From) and the organisation its requests
 * originate from (the JWT's requesting_organization).
 */
public record ViewerIdentity(String asid, String organizationOds, String organizationName) {
}
