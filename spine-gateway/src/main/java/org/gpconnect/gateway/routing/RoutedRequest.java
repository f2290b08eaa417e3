package org.gpconnect.gateway.routing;

/**
 * A request resolved against the endpoint registry.
 *
 * @param endpoint     the provider service root it addresses
 * @param relativePath the FHIR request below the service root, starting with '/', without the query
 * @param query        the raw query string, or null
 */
public record RoutedRequest(ProviderEndpoint endpoint, String relativePath, String query) {
}
