package org.gpconnect.common.security;

/**
 * Headers on the internal hop only. The gateway strips them before a response reaches the consumer.
 */
public final class InternalHeaders {

    /**
     * A service names the NHS number of the patient a request concerned (when it is not in the URL, e.g. a
     * read by logical id or an operation's body), so the gateway's audit record can carry it.
     */
    public static final String AUDIT_PATIENT_NHS_NUMBER = "X-GPC-Audit-NHS-Number";

    /** The Spine code of an error response, so the gateway can audit it without reading the body. */
    public static final String OUTCOME_CODE = "X-GPC-Outcome-Code";

    private InternalHeaders() {
    }
}
