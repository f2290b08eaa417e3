package org.gpconnect.gateway.routing;

import java.util.Set;
import org.gpconnect.common.interaction.Capability;

/**
 * One registered provider service root: the path part of the service root URL published in SDS
 * ({@code /{ODS}/{FHIR version}/{major}/{routing segment}}), the practice behind it, its ASID and the
 * capabilities it serves.
 */
public record ProviderEndpoint(String serviceRoot, String odsCode, String providerAsid, Set<Capability> capabilities) {
}
