package org.gpconnect.accessrecord.html.mapping;

/** The GP Connect 0.7.4 (DSTU2) profiles of the care record response (access-record-html.md §3). */
public final class Dstu2Profiles {

    private static final String BASE = "http://fhir.nhs.net/StructureDefinition/";

    public static final String CARE_RECORD_COMPOSITION = BASE + "gpconnect-carerecord-composition-1";
    public static final String PATIENT = BASE + "gpconnect-patient-1";
    public static final String PRACTITIONER = BASE + "gpconnect-practitioner-1";
    public static final String ORGANIZATION = BASE + "gpconnect-organization-1";
    public static final String DEVICE = BASE + "gpconnect-device-1";
    /** The OperationDefinition the Conformance names for {@code gpc.getcarerecord} (§1.1). */
    public static final String CARE_RECORD_OPERATION = "http://fhir.nhs.net/OperationDefinition/gpconnect-carerecord-operation-1";

    private Dstu2Profiles() {
    }
}
