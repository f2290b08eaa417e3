package org.gpconnect.common.identifier;

/** Business identifier systems GP Connect uses (foundations.md §9.6). */
public final class IdentifierSystems {

    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_ORGANIZATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String ODS_SITE_CODE = "https://fhir.nhs.uk/Id/ods-site-code";
    public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    public static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    public static final String GMC_NUMBER = "https://fhir.hl7.org.uk/Id/gmc-number";
    public static final String GMP_NUMBER = "https://fhir.hl7.org.uk/Id/gmp-number";
    public static final String UBRN = "https://fhir.nhs.uk/Id/UBRN";

    /** The 0.x (DSTU2, Access Record HTML) systems. */
    public static final String DSTU2_NHS_NUMBER = "http://fhir.nhs.net/Id/nhs-number";
    public static final String DSTU2_ODS_ORGANIZATION_CODE = "http://fhir.nhs.net/Id/ods-organization-code";
    public static final String DSTU2_SDS_USER_ID = "http://fhir.nhs.net/sds-user-id";

    private IdentifierSystems() {
    }
}
