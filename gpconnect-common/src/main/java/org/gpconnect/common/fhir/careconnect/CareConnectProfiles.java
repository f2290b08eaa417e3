package org.gpconnect.common.fhir.careconnect;

/**
 * The GP Connect / CareConnect StructureDefinition, extension and code-system URLs (foundations.md §9,
 * access-record-structured.md §4, §7, §8). One place for the whole suite, so a URL typo cannot hide in one
 * mapper and two services cannot drift apart.
 */
public final class CareConnectProfiles {

    /** Base of every GP Connect StructureDefinition. */
    public static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    /** Base of the GP Connect code systems. */
    public static final String CS = "https://fhir.nhs.uk/STU3/CodeSystem/";
    /** Base of the HL7 UK (CareConnect) StructureDefinitions. */
    public static final String HL7_UK_SD = "https://fhir.hl7.org.uk/STU3/StructureDefinition/";

    // --- administrative resources (foundations.md §9)
    public static final String PATIENT = SD + "CareConnect-GPC-Patient-1";
    public static final String ORGANIZATION = SD + "CareConnect-GPC-Organization-1";
    public static final String PRACTITIONER = SD + "CareConnect-GPC-Practitioner-1";
    public static final String PRACTITIONER_ROLE = SD + "CareConnect-GPC-PractitionerRole-1";
    public static final String LOCATION = SD + "CareConnect-GPC-Location-1";
    public static final String HEALTHCARE_SERVICE = HL7_UK_SD + "CareConnect-HealthcareService-1";

    // --- Access Record Structured (access-record-structured.md §4, §7, §8)
    public static final String STRUCTURED_RECORD_BUNDLE = SD + "GPConnect-StructuredRecord-Bundle-1";
    public static final String OPERATION_OUTCOME = SD + "GPConnect-OperationOutcome-1";
    public static final String LIST = SD + "CareConnect-GPC-List-1";
    public static final String ALLERGY_INTOLERANCE = SD + "CareConnect-GPC-AllergyIntolerance-1";
    public static final String MEDICATION = SD + "CareConnect-GPC-Medication-1";
    public static final String MEDICATION_STATEMENT = SD + "CareConnect-GPC-MedicationStatement-1";
    public static final String MEDICATION_REQUEST = SD + "CareConnect-GPC-MedicationRequest-1";
    public static final String PROBLEM_HEADER = SD + "CareConnect-GPC-ProblemHeader-Condition-1";
    public static final String IMMUNIZATION = SD + "CareConnect-GPC-Immunization-1";
    public static final String ENCOUNTER = SD + "CareConnect-GPC-Encounter-1";
    public static final String OBSERVATION = SD + "CareConnect-GPC-Observation-1";
    public static final String DIAGNOSTIC_REPORT = SD + "CareConnect-GPC-DiagnosticReport-1";
    public static final String SPECIMEN = SD + "CareConnect-GPC-Specimen-1";
    public static final String PROCEDURE_REQUEST = SD + "CareConnect-GPC-ProcedureRequest-1";
    public static final String REFERRAL_REQUEST = SD + "CareConnect-GPC-ReferralRequest-1";
    public static final String DOCUMENT_REFERENCE = SD + "CareConnect-GPC-DocumentReference-1";

    // --- extensions
    public static final String EXT_NHS_NUMBER_VERIFICATION_STATUS = SD + "Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    public static final String EXT_REGISTRATION_DETAILS = SD + "Extension-CareConnect-GPC-RegistrationDetails-1";
    public static final String EXT_NHS_COMMUNICATION = SD + "Extension-CareConnect-GPC-NHSCommunication-1";
    public static final String EXT_LIST_WARNING_CODE = SD + "Extension-CareConnect-GPC-ListWarningCode-1";
    public static final String EXT_CLINICAL_SETTING = SD + "Extension-CareConnect-GPC-ClinicalSetting-1";
    /** Sub-extensions {@code endDate} (dateTime) and {@code reasonEnded} (string). */
    public static final String EXT_ALLERGY_INTOLERANCE_END = SD + "Extension-CareConnect-GPC-AllergyIntoleranceEnd-1";
    public static final String EXT_ASSOCIATED_ENCOUNTER = "http://hl7.org/fhir/StructureDefinition/encounter-associatedEncounter";
    public static final String EXT_PRESCRIBING_AGENCY = SD + "Extension-CareConnect-GPC-PrescribingAgency-1";
    public static final String EXT_MEDICATION_STATEMENT_LAST_ISSUE_DATE = SD + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1";
    public static final String EXT_PRESCRIPTION_TYPE = SD + "Extension-CareConnect-GPC-PrescriptionType-1";
    /** Sub-extensions {@code numberOfRepeatPrescriptionsAllowed}, {@code numberOfRepeatPrescriptionsIssued}, {@code authorisationExpiryDate}. */
    public static final String EXT_MEDICATION_REPEAT_INFORMATION = SD + "Extension-CareConnect-GPC-MedicationRepeatInformation-1";
    /** Sub-extensions {@code statusChangeDate} and {@code statusReason}. */
    public static final String EXT_MEDICATION_STATUS_REASON = SD + "Extension-CareConnect-GPC-MedicationStatusReason-1";
    public static final String EXT_MEDICATION_QUANTITY_TEXT = SD + "Extension-CareConnect-GPC-MedicationQuantityText-1";
    public static final String EXT_CODING_SCTDESCID = HL7_UK_SD + "Extension-coding-sctdescid";
    /** ProblemHeader: major or minor (valueCode). */
    public static final String EXT_PROBLEM_SIGNIFICANCE = HL7_UK_SD + "Extension-CareConnect-ProblemSignificance-1";
    /** ProblemHeader: a linked problem, sub-extensions {@code type} (parent, child, sibling) and {@code target}. */
    public static final String EXT_RELATED_PROBLEM_HEADER = HL7_UK_SD + "Extension-CareConnect-RelatedProblemHeader-1";
    /** ProblemHeader: an item linked to the problem (valueReference). */
    public static final String EXT_RELATED_CLINICAL_CONTENT = HL7_UK_SD + "Extension-CareConnect-RelatedClinicalContent-1";
    /** ProblemHeader: the item the problem was escalated from (valueReference). */
    public static final String EXT_ACTUAL_PROBLEM = HL7_UK_SD + "Extension-CareConnect-ActualProblem-1";
    /** Immunization: when the immunisation was recorded (valueDateTime, 1..1). */
    public static final String EXT_DATE_RECORDED = SD + "Extension-CareConnect-GPC-DateRecorded-1";
    /** Immunization: the vaccination procedure (valueCodeableConcept, 1..1). */
    public static final String EXT_VACCINATION_PROCEDURE = HL7_UK_SD + "Extension-CareConnect-VaccinationProcedure-1";
    /** Immunization: whether a parent was present (valueBoolean). */
    public static final String EXT_PARENT_PRESENT = SD + "Extension-CareConnect-GPC-ParentPresent-1";

    // --- code systems
    public static final String CS_NHS_NUMBER_VERIFICATION_STATUS = CS + "CareConnect-NHSNumberVerificationStatus-1";
    public static final String CS_REGISTRATION_TYPE = CS + "CareConnect-RegistrationType-1";
    public static final String CS_REGISTRATION_STATUS = CS + "CareConnect-RegistrationStatus-1";
    public static final String CS_HUMAN_LANGUAGE = CS + "CareConnect-HumanLanguage-1";
    public static final String CS_SDS_JOB_ROLE_NAME = CS + "CareConnect-SDSJobRoleName-1";
    public static final String CS_LIST_WARNING_CODE = CS + "CareConnect-ListWarningCode-1";
    public static final String CS_LIST_EMPTY_REASON = CS + "CareConnect-ListEmptyReasonCode-1";
    public static final String CS_PRESCRIBING_AGENCY = CS + "CareConnect-PrescribingAgency-1";
    public static final String CS_PRESCRIPTION_TYPE = CS + "CareConnect-PrescriptionType-1";
    public static final String CS_SPINE_ERROR_OR_WARNING_CODE = CS + "Spine-ErrorOrWarningCode-1";
    public static final String CS_SECONDARY_LIST_VALUES = "https://fhir.hl7.org.uk/STU3/CodeSystem/GPConnect-SecondaryListValues-1";
    public static final String CS_LIST_ORDER = "http://hl7.org/fhir/list-order";
    public static final String CS_CONDITION_CATEGORY = "http://hl7.org/fhir/condition-category";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String NULL_FLAVOR = "http://hl7.org/fhir/v3/NullFlavor";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String CS_VACCINATION_DOSE_STATUS = "http://hl7.org/fhir/vaccination-protocol-dose-status";

    private CareConnectProfiles() {
    }
}
