package org.gpconnect.appointment.foundations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One contact point of a patient (table {@code patient_telecom}), FHIR ContactPoint system/use codes. */
@Embeddable
public class PatientTelecom {

    @Column(nullable = false)
    public String system;

    public String use;

    @Column(nullable = false)
    public String value;
}
