package org.gpconnect.appointment.slot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An appointment schedule of a practice (table {@code schedule}, GPConnect-Schedule-1, appointment-management.md
 * §2): who the slots are with, where, and under which session name. Only what a Schedule resource shows is
 * mapped; the rolling-window columns belong to the slot roller's SQL.
 */
@Entity
@Table(name = "schedule")
public class ScheduleEntity {

    @Id
    public String id;

    @Column(name = "practice_ods", nullable = false)
    public String practiceOds;

    /** The practice's own name for the schedule (e.g. Schedule001). */
    public String identifier;

    @Column(name = "service_category_code")
    public String serviceCategoryCode;

    /** The schedule type / session name the consumer shows (Schedule.serviceCategory.text). */
    @Column(name = "service_category_display")
    public String serviceCategoryDisplay;

    @Column(name = "practitioner_id")
    public String practitionerId;

    /** CareConnect-SDSJobRoleName-1 code of the practitioner's role in this schedule, when known. */
    @Column(name = "practitioner_role_code")
    public String practitionerRoleCode;

    @Column(name = "practitioner_role_display")
    public String practitionerRoleDisplay;

    /** The surgery where the appointments take place. */
    @Column(name = "location_id")
    public String locationId;

    @Column(name = "planning_horizon_start")
    public Instant planningHorizonStart;

    @Column(name = "planning_horizon_end")
    public Instant planningHorizonEnd;

    @Column(nullable = false)
    public int version;
}
