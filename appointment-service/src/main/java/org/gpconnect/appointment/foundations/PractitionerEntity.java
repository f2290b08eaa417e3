package org.gpconnect.appointment.foundations;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A practitioner of the shared reference data (table {@code practitioner}, foundations.md §9.4). The
 * collections are lazy: queries that return practitioners fetch them with a join (Hibernate Reactive never
 * loads a collection behind the caller's back).
 */
@Entity
@Table(name = "practitioner")
public class PractitionerEntity {

    @Id
    public String id;

    @Column(name = "sds_user_id", nullable = false)
    public String sdsUserId;

    @Column(name = "name_prefix")
    public String namePrefix;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "given_names", nullable = false)
    public List<String> givenNames;

    @Column(name = "family_name")
    public String familyName;

    /** FHIR AdministrativeGender code, or null when not recorded. */
    public String gender;

    @Column(nullable = false)
    public int version;

    /** SDS role profile ids; a practitioner may have none. Sets, so two collections can be join-fetched at once. */
    @ElementCollection
    @CollectionTable(name = "practitioner_role_profile", joinColumns = @JoinColumn(name = "practitioner_id"))
    @Column(name = "role_profile_id")
    @OrderBy
    public Set<String> roleProfileIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "practitioner_language", joinColumns = @JoinColumn(name = "practitioner_id"))
    @OrderBy("code")
    public Set<PractitionerLanguage> languages = new LinkedHashSet<>();
}
