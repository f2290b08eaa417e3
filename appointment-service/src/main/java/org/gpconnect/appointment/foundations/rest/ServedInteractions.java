package org.gpconnect.appointment.foundations.rest;

import java.util.EnumSet;
import java.util.Set;
import org.gpconnect.common.interaction.Interaction;

/**
 * The interactions this service implements today. The CapabilityStatement is built from this set, so add
 * an interaction here in the same change that implements it.
 */
public final class ServedInteractions {

    public static final Set<Interaction> ALL = EnumSet.of(
            Interaction.METADATA_READ,
            Interaction.PATIENT_SEARCH, Interaction.PATIENT_READ, Interaction.REGISTER_PATIENT,
            Interaction.ORGANIZATION_SEARCH, Interaction.ORGANIZATION_READ,
            Interaction.PRACTITIONER_SEARCH, Interaction.PRACTITIONER_READ,
            Interaction.LOCATION_READ,
            Interaction.SLOT_SEARCH,
            Interaction.APPOINTMENT_CREATE, Interaction.APPOINTMENT_READ,
            Interaction.APPOINTMENT_AMEND, Interaction.APPOINTMENT_CANCEL,
            Interaction.PATIENT_APPOINTMENTS);

    private ServedInteractions() {
    }
}
