package org.gpconnect.gateway.check;

/** The Ssp-* header names (foundations.md §2.1); HTTP header names are case-insensitive. */
public final class SspHeaders {

    public static final String TRACE_ID = "Ssp-TraceID";
    public static final String FROM = "Ssp-From";
    public static final String TO = "Ssp-To";
    public static final String INTERACTION_ID = "Ssp-InteractionID";

    private SspHeaders() {
    }
}
