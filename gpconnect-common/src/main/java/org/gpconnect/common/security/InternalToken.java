package org.gpconnect.common.security;

/**
 * The contract of the internal token: a short-lived JWT the spine-gateway signs (ES256) once every check
 * on a consumer request has passed, and the services verify with quarkus-smallrye-jwt. It replaces the
 * consumer's unsigned GP Connect JWT on the internal hop and carries the validated request context.
 */
public final class InternalToken {

    /** {@code iss}: who mints internal tokens. */
    public static final String DEFAULT_ISSUER = "urn:gpconnect:spine-gateway";
    /** {@code aud}: who accepts them. */
    public static final String DEFAULT_AUDIENCE = "urn:gpconnect:provider-services";
    /** The role (JWT {@code groups}) of a consumer request that passed the gateway. */
    public static final String CONSUMER_ROLE = "gpconnect-consumer";
    public static final String SIGNATURE_ALGORITHM = "ES256";

    // Claims. "sub" is the requesting practitioner's id, as in the consumer's JWT.
    public static final String TRACE_ID = "gpc_trace_id";
    public static final String INTERACTION_ID = "gpc_interaction_id";
    public static final String CONSUMER_ASID = "gpc_consumer_asid";
    public static final String PROVIDER_ASID = "gpc_provider_asid";
    public static final String PROVIDER_ODS = "gpc_provider_ods";
    public static final String ORGANIZATION_ODS = "gpc_org_ods";
    public static final String ORGANIZATION_NAME = "gpc_org_name";
    public static final String PRACTITIONER_SDS_USER_ID = "gpc_practitioner_sds_user_id";
    public static final String PRACTITIONER_SDS_ROLE_PROFILE_ID = "gpc_practitioner_sds_role_profile_id";
    public static final String PRACTITIONER_NAME = "gpc_practitioner_name";
    public static final String DEVICE = "gpc_device";
    public static final String SCOPE = "gpc_scope";

    private InternalToken() {
    }
}
