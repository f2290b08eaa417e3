package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.Language;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.OrganizationDetails;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.PractitionerDetails;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.PractitionerRoleDetails;

/**
 * The administrative resources a record refers to, fetched by id in one query per resource type (however
 * many clinical items refer to them).
 */
@ApplicationScoped
public class AdministrationRepository {

    private static final String ORGANIZATIONS = """
            SELECT id, ods_code, name, phone, address_lines, city, district, postal_code, country
            FROM organization WHERE id = ANY($1) ORDER BY id""";

    // role profiles and languages aggregated per practitioner, so one row per practitioner
    private static final String PRACTITIONERS = """
            SELECT p.id, p.sds_user_id, p.name_prefix, p.given_names, p.family_name, p.gender,
                   coalesce((SELECT array_agg(rp.role_profile_id ORDER BY rp.role_profile_id)
                             FROM practitioner_role_profile rp WHERE rp.practitioner_id = p.id), '{}') AS role_profiles,
                   coalesce((SELECT array_agg(l.code || '|' || l.display ORDER BY l.code)
                             FROM practitioner_language l WHERE l.practitioner_id = p.id), '{}') AS languages
            FROM practitioner p WHERE p.id = ANY($1) ORDER BY p.id""";

    private static final String ROLES = """
            SELECT id, practitioner_id, organization_id, role_code, role_display
            FROM practitioner_role WHERE practitioner_id = ANY($1) AND organization_id = $2 ORDER BY id""";

    private final Pool pool;

    public AdministrationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<OrganizationDetails>> organizations(Collection<String> ids) {
        return query(ORGANIZATIONS, Tuple.of(ids.toArray(String[]::new)), AdministrationRepository::organization);
    }

    public Uni<List<PractitionerDetails>> practitioners(Collection<String> ids) {
        return query(PRACTITIONERS, Tuple.of(ids.toArray(String[]::new)), AdministrationRepository::practitioner);
    }

    /** The roles of these practitioners at one organisation. */
    public Uni<List<PractitionerRoleDetails>> roles(Collection<String> practitionerIds, String organizationId) {
        return query(ROLES, Tuple.of(practitionerIds.toArray(String[]::new), organizationId), r -> new PractitionerRoleDetails(
                r.getString("id"), r.getString("practitioner_id"), r.getString("organization_id"),
                r.getString("role_code"), r.getString("role_display")));
    }

    private <T> Uni<List<T>> query(String sql, Tuple args, java.util.function.Function<Row, T> mapper) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<T> result = new ArrayList<>();
            rows.forEach(row -> result.add(mapper.apply(row)));
            return result;
        });
    }

    private static OrganizationDetails organization(Row r) {
        return new OrganizationDetails(r.getString("id"), null, r.getString("ods_code"), r.getString("name"),
                r.getString("phone"), List.of(r.getArrayOfStrings("address_lines")), r.getString("city"),
                r.getString("district"), r.getString("postal_code"), r.getString("country"));
    }

    private static PractitionerDetails practitioner(Row r) {
        List<Language> languages = Arrays.stream(r.getArrayOfStrings("languages"))
                .map(s -> s.split("\\|", 2)).map(p -> new Language(p[0], p[1])).toList();
        return new PractitionerDetails(r.getString("id"), null, r.getString("sds_user_id"),
                List.of(r.getArrayOfStrings("role_profiles")), r.getString("name_prefix"),
                List.of(r.getArrayOfStrings("given_names")), r.getString("family_name"), r.getString("gender"), languages);
    }
}
