package org.gpconnect.appointment.foundations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A site (surgery or branch) of the shared reference data (table {@code location}, foundations.md §9.5).
 * Logical ids are fixed by the dataset because consumers read them directly.
 */
@Entity
@Table(name = "location")
public class LocationEntity {

    @Id
    public String id;

    @Column(name = "ods_site_code")
    public String odsSiteCode;

    @Column(nullable = false)
    public String name;

    /** {@code active}, {@code suspended} or {@code inactive} (FHIR LocationStatus codes). */
    @Column(nullable = false)
    public String status;

    @Column(name = "managing_organization_id")
    public String managingOrganizationId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "address_lines", nullable = false)
    public List<String> addressLines;

    public String city;

    public String district;

    public String state;

    @Column(name = "postal_code")
    public String postalCode;

    public String country;

    public String phone;

    @Column(nullable = false)
    public int version;
}
