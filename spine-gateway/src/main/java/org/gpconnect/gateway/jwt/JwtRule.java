package org.gpconnect.gateway.jwt;

/**
 * One row-group of foundations.md §3.2: a rule the consumer's JWT must satisfy. A rule that fails throws
 * a {@link org.gpconnect.common.error.GpConnectException} with the status and code the table gives.
 */
public interface JwtRule {

    void check(ConsumerJwt jwt, JwtContext context);
}
