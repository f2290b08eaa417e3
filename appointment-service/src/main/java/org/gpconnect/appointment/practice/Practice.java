package org.gpconnect.appointment.practice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A practice this deployment serves (tenant), addressed by the ODS code in the service root URL. */
@Entity
@Table(name = "practice")
public class Practice {

    @Id
    @Column(name = "ods_code")
    public String odsCode;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** The practice-level GP Connect switch (foundations.md §6). */
    @Column(name = "gp_connect_enabled", nullable = false)
    public boolean gpConnectEnabled;

    /** The Appointment Management switch (foundations.md §6). */
    @Column(name = "appointments_enabled", nullable = false)
    public boolean appointmentsEnabled;

    /**
     * The "unknown" Location that visit appointments show as where they take place (appointment-management.md
     * §9), or null when the practice has none.
     */
    @Column(name = "visit_location_id")
    public String visitLocationId;
}
