package org.gpconnect.appointment.foundations.mapping;

/**
 * The StructureDefinitions, extensions and code systems the Foundations and Appointments resources are built
 * with (foundations.md §9, appointment-management.md §2). One place, so a URL typo cannot hide in one mapper.
 */
public final class FhirProfiles {

    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final String CS = "https://fhir.nhs.uk/STU3/CodeSystem/";

    public static final String PATIENT = SD + "CareConnect-GPC-Patient-1";
    public static final String ORGANIZATION = SD + "CareConnect-GPC-Organization-1";
    public static final String PRACTITIONER = SD + "CareConnect-GPC-Practitioner-1";
    public static final String LOCATION = SD + "CareConnect-GPC-Location-1";
    public static final String SEARCHSET_BUNDLE = SD + "GPConnect-Searchset-Bundle-1";
    public static final String SLOT = SD + "GPConnect-Slot-1";
    public static final String SCHEDULE = SD + "GPConnect-Schedule-1";
    public static final String APPOINTMENT = SD + "GPConnect-Appointment-1";

    public static final String EXT_NHS_NUMBER_VERIFICATION_STATUS = SD + "Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    public static final String EXT_REGISTRATION_DETAILS = SD + "Extension-CareConnect-GPC-RegistrationDetails-1";
    public static final String EXT_NHS_COMMUNICATION = SD + "Extension-CareConnect-GPC-NHSCommunication-1";
    /** valueCode from GPConnect-DeliveryChannel-1 (In-person, Telephone, Video), on Slot and Appointment. */
    public static final String EXT_DELIVERY_CHANNEL = SD + "Extension-GPConnect-DeliveryChannel-2";
    /** valueCodeableConcept coded in {@link #CS_SDS_JOB_ROLE_NAME}, on Schedule and Appointment. */
    public static final String EXT_PRACTITIONER_ROLE = SD + "Extension-GPConnect-PractitionerRole-1";
    /** valueReference to the contained Organization that booked the appointment ("#1"). */
    public static final String EXT_BOOKING_ORGANISATION = SD + "Extension-GPConnect-BookingOrganisation-1";
    /** valueString: why the appointment was cancelled. */
    public static final String EXT_CANCELLATION_REASON = SD + "Extension-GPConnect-AppointmentCancellationReason-1";

    public static final String CS_NHS_NUMBER_VERIFICATION_STATUS = CS + "CareConnect-NHSNumberVerificationStatus-1";
    public static final String CS_REGISTRATION_TYPE = CS + "CareConnect-RegistrationType-1";
    public static final String CS_REGISTRATION_STATUS = CS + "CareConnect-RegistrationStatus-1";
    public static final String CS_HUMAN_LANGUAGE = CS + "CareConnect-HumanLanguage-1";
    /** 1.2.9: the full SDS job role list (e.g. R0260 General Medical Practitioner). */
    public static final String CS_SDS_JOB_ROLE_NAME = CS + "CareConnect-SDSJobRoleName-1";
    public static final String CS_ORGANISATION_TYPE = CS + "GPConnect-OrganisationType-1";

    private FhirProfiles() {
    }
}
