package org.gpconnect.appointment.foundations;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A patient in a practice's patient index (table {@code patient}, foundations.md §9.1). Patient data belongs
 * to one practice ({@link #practiceOds}); the flags decide what Foundations may disclose.
 */
@Entity
@Table(name = "patient")
public class PatientEntity {

    @Id
    public String id;

    @Column(name = "practice_ods", nullable = false)
    public String practiceOds;

    @Column(name = "nhs_number", nullable = false)
    public String nhsNumber;

    /** Traced and verified on PDS: an unverified number is never disclosed. */
    @Column(name = "nhs_number_verified", nullable = false)
    public boolean nhsNumberVerified;

    public String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "given_names", nullable = false)
    public List<String> givenNames;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    /** FHIR AdministrativeGender code, or null when not recorded. */
    public String gender;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "address_lines", nullable = false)
    public List<String> addressLines;

    @Column(name = "postal_code")
    public String postalCode;

    @Column(name = "address_city")
    public String addressCity;

    /** The county. */
    @Column(name = "address_district")
    public String addressDistrict;

    @Column(name = "address_country")
    public String addressCountry;

    /** A temporary address (register patient, foundations.md §9.2), or none: empty lines and no postcode. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "temp_address_lines")
    public List<String> tempAddressLines;

    @Column(name = "temp_address_city")
    public String tempAddressCity;

    @Column(name = "temp_address_district")
    public String tempAddressDistrict;

    @Column(name = "temp_postal_code")
    public String tempPostalCode;

    @Column(name = "temp_address_country")
    public String tempAddressCountry;

    /** When the temporary address stops applying (the temporary registration's end). */
    @Column(name = "temp_address_end")
    public LocalDate tempAddressEnd;

    /** NHS communication: CareConnect-HumanLanguage-1 code of the language, or null. */
    @Column(name = "communication_language_code")
    public String communicationLanguageCode;

    @Column(name = "communication_language_display")
    public String communicationLanguageDisplay;

    /** Whether an interpreter is needed, or null when not recorded. */
    @Column(name = "interpreter_required")
    public Boolean interpreterRequired;

    /** PDS S-flag. */
    @Column(nullable = false)
    public boolean sensitive;

    @Column(name = "deceased_date")
    public LocalDate deceasedDate;

    /** {@code active} or {@code inactive}. */
    @Column(name = "registration_status", nullable = false)
    public String registrationStatus;

    /** CareConnect-RegistrationType-1 code (R, E, IN, T, P, O, S). */
    @Column(name = "registration_type", nullable = false)
    public String registrationType;

    @Column(name = "registration_start", nullable = false)
    public LocalDate registrationStart;

    /** End of the registration (temporary registrations expire); null when open-ended. */
    @Column(name = "registration_end")
    public LocalDate registrationEnd;

    @Column(name = "preferred_branch_id")
    public String preferredBranchId;

    @Column(name = "general_practitioner_id")
    public String generalPractitionerId;

    @Column(nullable = false)
    public int version;

    /** In the order the practice recorded them ({@code position}). */
    @ElementCollection
    @CollectionTable(name = "patient_telecom", joinColumns = @JoinColumn(name = "patient_id"))
    @OrderColumn(name = "position")
    public List<PatientTelecom> telecoms = new ArrayList<>();
}
