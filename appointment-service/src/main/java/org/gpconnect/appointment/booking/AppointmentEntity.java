package org.gpconnect.appointment.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An appointment in a practice's appointment book (table {@code appointment}, GPConnect-Appointment-1,
 * appointment-management.md §4 to §9), whichever way it was booked. What it is (where, with whom, which
 * channel and slot type) is copied from its slots and their schedule when it is booked, so it reads the same
 * later whatever happens to the schedule. Changes are made by conditional SQL updates (see
 * {@code AppointmentWrites}), never by dirty-checking this object: {@link #version} only moves in the database.
 */
@Entity
@Table(name = "appointment")
public class AppointmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "practice_ods", nullable = false)
    public String practiceOds;

    /** The booking channel, an {@link AppointmentOrigin} code. */
    @Column(nullable = false)
    public String origin;

    /** A FHIR AppointmentStatus code: GP Connect writes booked and cancelled. */
    @Column(nullable = false)
    public String status;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "schedule_id")
    public String scheduleId;

    /** The surgery where the appointment takes place (for a visit, see the practice's visit location). */
    @Column(name = "location_id")
    public String locationId;

    @Column(name = "practitioner_id")
    public String practitionerId;

    @Column(name = "practitioner_role_code")
    public String practitionerRoleCode;

    @Column(name = "practitioner_role_display")
    public String practitionerRoleDisplay;

    /** In-person, Telephone, Video, or Visit (never bookable through GP Connect, §9). */
    @Column(name = "delivery_channel", nullable = false)
    public String deliveryChannel;

    /** The practice's slot type (Appointment.serviceType[0].text). */
    @Column(name = "service_type")
    public String serviceType;

    /** The schedule type / session name (Appointment.serviceCategory.text). */
    @Column(name = "service_category")
    public String serviceCategory;

    @Column(name = "start_at", nullable = false)
    public Instant start;

    @Column(name = "end_at", nullable = false)
    public Instant end;

    /** The slots held, in time order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "slot_ids", nullable = false)
    public List<Long> slotIds = new ArrayList<>();

    @Column(nullable = false)
    public String description;

    public String comment;

    /** Appointment.created. */
    @Column(nullable = false)
    public Instant created;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "identifier_systems", nullable = false)
    public List<String> identifierSystems = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "identifier_values", nullable = false)
    public List<String> identifierValues = new ArrayList<>();

    /** The contained booking Organization as the booking system sent it, FHIR JSON without its id. */
    @Column(name = "booking_org_resource")
    public String bookingOrgResource;

    @Column(name = "booking_org_ods")
    public String bookingOrgOds;

    @Column(name = "booking_org_name")
    public String bookingOrgName;

    @Column(name = "booking_org_telecom")
    public String bookingOrgTelecom;

    /** GPConnect-OrganisationType-1 code, when the booking organisation gave one. */
    @Column(name = "booking_org_type")
    public String bookingOrgType;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    /** meta.versionId and the ETag: 1 when booked, one more on every change. */
    @Column(nullable = false)
    public int version;

    /** When the current version was written (Last-Modified). */
    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;
}
