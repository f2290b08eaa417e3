package org.gpconnect.gateway.error;

import org.gpconnect.common.error.GpConnectException;

/**
 * Why the gateway refused a request, in one of the two shapes the spec gives: a GP Connect outcome for the
 * checks a provider makes (headers, JWT, content, foundations.md §5), or the SSP's own outcome for the
 * checks only the Spine Secure Proxy makes (registry, accreditation, transport, foundations.md §2.3).
 */
public final class GatewayRejection extends RuntimeException {

    private final GpConnectException gpConnect;
    private final SspOutcome ssp;

    private GatewayRejection(GpConnectException gpConnect, SspOutcome ssp) {
        super(gpConnect != null ? gpConnect.getMessage() : ssp.token(), null, false, false);
        this.gpConnect = gpConnect;
        this.ssp = ssp;
    }

    public static GatewayRejection gpConnect(GpConnectException error) {
        return new GatewayRejection(error, null);
    }

    public static GatewayRejection ssp(SspOutcome outcome) {
        return new GatewayRejection(null, outcome);
    }

    public int httpStatus() {
        return gpConnect != null ? gpConnect.httpStatus() : ssp.httpStatus();
    }

    /** The Spine code (GP Connect) or upper-case token (SSP) recorded in the audit. */
    public String code() {
        return gpConnect != null ? gpConnect.spineCode().code() : ssp.token();
    }

    public GpConnectException gpConnectError() {
        return gpConnect;
    }

    public SspOutcome sspOutcome() {
        return ssp;
    }
}
