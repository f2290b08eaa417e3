package org.gpconnect.appointment.foundations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** One contact point of a patient (table {@code patient_telecom}), FHIR ContactPoint system/use codes. */
@Embeddable
public class PatientTelecom {

    @Column(nullable = false)
    public String system;

    public String use;

    @Column(nullable = false)
    public String value;

    /** The last day the contact point applies (a temporary phone number), or null. */
    @Column(name = "period_end")
    public LocalDate periodEnd;
}
