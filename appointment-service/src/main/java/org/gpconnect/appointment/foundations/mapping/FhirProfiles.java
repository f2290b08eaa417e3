package org.gpconnect.appointment.foundations.mapping;

import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;

/**
 * The StructureDefinitions, extensions and code systems of the Appointments resources (appointment-management.md
 * §2) that the suite's {@link CareConnectProfiles} does not hold. The CareConnect ones (Patient, Organization,
 * Practitioner, Location, OperationOutcome, their extensions and code systems) are only there, so each URL is
 * written once.
 */
public final class FhirProfiles {

    public static final String SEARCHSET_BUNDLE = CareConnectProfiles.SD + "GPConnect-Searchset-Bundle-1";
    public static final String SLOT = CareConnectProfiles.SD + "GPConnect-Slot-1";
    public static final String SCHEDULE = CareConnectProfiles.SD + "GPConnect-Schedule-1";
    public static final String APPOINTMENT = CareConnectProfiles.SD + "GPConnect-Appointment-1";

    /** valueCode from GPConnect-DeliveryChannel-1 (In-person, Telephone, Video), on Slot and Appointment. */
    public static final String EXT_DELIVERY_CHANNEL = CareConnectProfiles.SD + "Extension-GPConnect-DeliveryChannel-2";
    /**
     * valueCodeableConcept coded in {@link CareConnectProfiles#CS_SDS_JOB_ROLE_NAME} (1.2.9: the full SDS job role
     * list, e.g. R0260 General Medical Practitioner), on Schedule and Appointment.
     */
    public static final String EXT_PRACTITIONER_ROLE = CareConnectProfiles.SD + "Extension-GPConnect-PractitionerRole-1";
    /** valueReference to the contained Organization that booked the appointment ("#1"). */
    public static final String EXT_BOOKING_ORGANISATION = CareConnectProfiles.SD + "Extension-GPConnect-BookingOrganisation-1";
    /** valueString: why the appointment was cancelled. */
    public static final String EXT_CANCELLATION_REASON = CareConnectProfiles.SD + "Extension-GPConnect-AppointmentCancellationReason-1";

    public static final String CS_ORGANISATION_TYPE = CareConnectProfiles.CS + "GPConnect-OrganisationType-1";

    private FhirProfiles() {
    }
}
