package org.gpconnect.accessrecord.structured.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.gpconnect.accessrecord.record.RecordPatient;

/**
 * A practice's patient by NHS number, whatever its flags: deciding what may be shared is the service's job.
 * Scoped to one practice: a request to one practice never sees another's patients.
 */
@ApplicationScoped
public class PatientRepository {

    private static final String SQL = """
            SELECT id, nhs_number, nhs_number_verified, title, given_names, family_name, birth_date, gender,
                   address_lines, postal_code, phone_home, phone_mobile, sensitive, deceased_date, consent_to_share,
                   record_in_transit, registration_status, registration_type, registration_start, general_practitioner_id,
                   on_spine
            FROM patient
            WHERE practice_ods = $1 AND nhs_number = $2""";

    private final Pool pool;

    public PatientRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<RecordPatient>> findByNhsNumber(String practiceOds, String nhsNumber) {
        return pool.preparedQuery(SQL).execute(Tuple.of(practiceOds, nhsNumber))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(map(rows.iterator().next())) : Optional.empty());
    }

    private static RecordPatient map(Row r) {
        return new RecordPatient(r.getString("id"), r.getString("nhs_number"), r.getBoolean("nhs_number_verified"),
                r.getString("title"), List.of(r.getArrayOfStrings("given_names")), r.getString("family_name"),
                r.getLocalDate("birth_date"), r.getString("gender"), List.of(r.getArrayOfStrings("address_lines")),
                r.getString("postal_code"), r.getString("phone_home"), r.getString("phone_mobile"),
                r.getBoolean("sensitive"), r.getLocalDate("deceased_date"), r.getBoolean("consent_to_share"),
                r.getBoolean("record_in_transit"), "active".equals(r.getString("registration_status")),
                r.getString("registration_type"), r.getLocalDate("registration_start"),
                r.getString("general_practitioner_id"), r.getBoolean("on_spine"));
    }
}
