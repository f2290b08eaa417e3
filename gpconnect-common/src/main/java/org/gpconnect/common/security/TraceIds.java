package org.gpconnect.common.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Where a request's Ssp-TraceID comes from on the internal hop. A token minted for one request carries it
 * as a claim; a token the gateway reuses across requests of the same validated context (ADR 0016) cannot,
 * and then the trace id is the {@code Ssp-TraceID} header the gateway checked and forwarded.
 */
public final class TraceIds {

    public static final String HEADER = "Ssp-TraceID";

    private TraceIds() {
    }

    /** The claim when the token has one, else the forwarded header (null when neither is there). */
    public static String of(JsonWebToken token, String header) {
        Object claim = token == null ? null : token.getClaim(InternalToken.TRACE_ID);
        if (claim != null) {
            return claim.toString();
        }
        return header == null || header.isBlank() ? null : header;
    }
}
