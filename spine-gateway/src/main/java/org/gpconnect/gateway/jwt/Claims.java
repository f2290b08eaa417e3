package org.gpconnect.gateway.jwt;

/** The claim names of the GP Connect JWT (foundations.md §3.1). */
public final class Claims {

    public static final String ISS = "iss";
    public static final String SUB = "sub";
    public static final String AUD = "aud";
    public static final String EXP = "exp";
    public static final String IAT = "iat";
    public static final String REASON_FOR_REQUEST = "reason_for_request";
    public static final String REQUESTED_SCOPE = "requested_scope";
    public static final String REQUESTING_DEVICE = "requesting_device";
    public static final String REQUESTING_ORGANIZATION = "requesting_organization";
    public static final String REQUESTING_PRACTITIONER = "requesting_practitioner";
    /** 0.x only (Access Record HTML). */
    public static final String REQUESTED_RECORD = "requested_record";

    private Claims() {
    }
}
