package org.gpconnect.appointment.foundations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An organisation of the shared reference data (table {@code organization}): the practices this deployment
 * serves and the organisations their locations and practitioners belong to (foundations.md §9.3).
 */
@Entity
@Table(name = "organization")
public class OrganizationEntity {

    /** The FHIR logical id. */
    @Id
    public String id;

    @Column(name = "ods_code", nullable = false)
    public String odsCode;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "address_lines", nullable = false)
    public List<String> addressLines;

    public String city;

    public String district;

    @Column(name = "postal_code")
    public String postalCode;

    public String country;

    public String phone;

    /** meta.versionId and the ETag of the resource. */
    @Column(nullable = false)
    public int version;
}
