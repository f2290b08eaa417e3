package org.gpconnect.gateway.error;

import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.gateway.limit.RateLimitDecision;

/**
 * Why the gateway refused a request, in one of the two shapes the spec gives: a GP Connect outcome for the
 * checks a provider makes (headers, JWT, content, foundations.md §5), or the SSP's own outcome for the
 * checks only the Spine Secure Proxy makes (registry, accreditation, transport, foundations.md §2.3).
 */
public final class GatewayRejection extends RuntimeException {

    private final GpConnectException gpConnect;
    private final SspOutcome ssp;
    private final RateLimitDecision rateLimit;

    private GatewayRejection(GpConnectException gpConnect, SspOutcome ssp, RateLimitDecision rateLimit) {
        super(gpConnect != null ? gpConnect.getMessage() : ssp.token(), null, false, false);
        this.gpConnect = gpConnect;
        this.ssp = ssp;
        this.rateLimit = rateLimit;
    }

    public static GatewayRejection gpConnect(GpConnectException error) {
        return new GatewayRejection(error, null, null);
    }

    public static GatewayRejection ssp(SspOutcome outcome) {
        return new GatewayRejection(null, outcome, null);
    }

    /** 429 with the limit that was hit, for the X-Rate-Limit-* headers. */
    public static GatewayRejection throttled(String fromAsid, RateLimitDecision decision) {
        return new GatewayRejection(null, SspOutcome.throttled(fromAsid), decision);
    }

    /** The limit that refused the request, or null. */
    public RateLimitDecision rateLimit() {
        return rateLimit;
    }

    public int httpStatus() {
        return gpConnect != null ? gpConnect.httpStatus() : ssp.httpStatus();
    }

    /** The Spine code (GP Connect) or upper-case token (SSP) recorded in the audit. */
    public String code() {
        return gpConnect != null ? gpConnect.spineCode().code() : ssp.token();
    }

    /** A bounded name for metrics: the Spine code, or the kind of SSP check. */
    public String kind() {
        return gpConnect != null ? gpConnect.spineCode().code() : ssp.kind();
    }

    public GpConnectException gpConnectError() {
        return gpConnect;
    }

    public SspOutcome sspOutcome() {
        return ssp;
    }
}
