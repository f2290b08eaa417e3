package org.gpconnect.appointment.registration.repository;

import static org.gpconnect.appointment.booking.repository.NativeWrites.utc;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gpconnect.appointment.booking.ChangeAuthor;
import org.gpconnect.appointment.booking.repository.NativeWrites;
import org.gpconnect.appointment.foundations.PatientEntity;
import org.gpconnect.appointment.foundations.PatientTelecom;

/**
 * Every change a registration makes to the patient index, as SQL the database decides on; each method runs in the
 * caller's transaction.
 * <ul>
 *   <li>A new patient is an insert: the table's UNIQUE (practice_ods, nhs_number) refuses a second patient with the
 *       same NHS number, however the two requests interleave.</li>
 *   <li>A re-activation updates only the record as it was read ({@code version}) and only while it is still not
 *       registered (inactive, or its registration ended before today) and not deceased: of two concurrent
 *       re-activations, the second updates nothing and is refused.</li>
 * </ul>
 */
@ApplicationScoped
public class RegistrationWrites {

    static final String REACTIVATE = """
            UPDATE patient SET nhs_number_verified = true, sensitive = false, title = :title, given_names = CAST(:given AS text[]),
                   family_name = :family, birth_date = :birthDate, gender = :gender,
                   address_lines = CAST(:lines AS text[]), address_city = :city, address_district = :district,
                   postal_code = :postalCode, address_country = :country,
                   temp_address_lines = CAST(:tempLines AS text[]), temp_address_city = :tempCity,
                   temp_address_district = :tempDistrict, temp_postal_code = :tempPostalCode,
                   temp_address_country = :tempCountry, temp_address_end = :tempEnd,
                   communication_language_code = :languageCode, communication_language_display = :languageDisplay,
                   interpreter_required = :interpreter,
                   registration_status = 'active', registration_type = :type, registration_start = :start,
                   registration_end = :end, version = version + 1, last_updated = :at
             WHERE id = :id AND version = :version AND deceased_date IS NULL
               AND (registration_status = 'inactive' OR registration_end < :today)
            """;

    static final String DELETE_TELECOMS = "DELETE FROM patient_telecom WHERE patient_id = :id";

    static final String INSERT_TELECOM = """
            INSERT INTO patient_telecom (patient_id, position, system, use, value, period_end)
            VALUES (:id, :position, :system, :use, :value, :end)
            """;

    static final String RECORD_PROVENANCE = """
            INSERT INTO patient_provenance (patient_id, version, activity, recorded_at, interaction_id, trace_id, consumer_asid,
                   organization_ods, organization_name, practitioner_id, practitioner_sds_user_id,
                   practitioner_sds_role_profile_id, practitioner_name, pds_version_id)
            VALUES (:patient, :version, :activity, :at, :interaction, :trace, :asid, :orgOds, :orgName, :practitioner,
                    :sdsUser, :sdsRole, :practitionerName, :pdsVersion)
            """;

    private final NativeWrites db;

    public RegistrationWrites(NativeWrites db) {
        this.db = db;
    }

    /** Inserts a new patient with its telecoms. */
    public Uni<Void> insert(PatientEntity patient) {
        return db.insert(patient);
    }

    /**
     * Re-activates {@code patient} (carrying the new demographics and registration, and the version it was read at)
     * if it is still that version and still not registered; returns 1 if it was, else 0.
     */
    public Uni<Integer> reactivate(PatientEntity patient, LocalDate today, Instant at) {
        return db.update(REACTIVATE, query -> query
                .setParameter("title", patient.title)
                .setParameter("given", array(patient.givenNames))
                .setParameter("family", patient.familyName)
                .setParameter("birthDate", patient.birthDate)
                .setParameter("gender", patient.gender)
                .setParameter("lines", array(patient.addressLines))
                .setParameter("city", patient.addressCity)
                .setParameter("district", patient.addressDistrict)
                .setParameter("postalCode", patient.postalCode)
                .setParameter("country", patient.addressCountry)
                .setParameter("tempLines", patient.tempAddressLines == null ? null : array(patient.tempAddressLines))
                .setParameter("tempCity", patient.tempAddressCity)
                .setParameter("tempDistrict", patient.tempAddressDistrict)
                .setParameter("tempPostalCode", patient.tempPostalCode)
                .setParameter("tempCountry", patient.tempAddressCountry)
                .setParameter("tempEnd", patient.tempAddressEnd)
                .setParameter("languageCode", patient.communicationLanguageCode)
                .setParameter("languageDisplay", patient.communicationLanguageDisplay)
                .setParameter("interpreter", patient.interpreterRequired)
                .setParameter("type", patient.registrationType)
                .setParameter("start", patient.registrationStart)
                .setParameter("end", patient.registrationEnd)
                .setParameter("at", utc(at))
                .setParameter("id", patient.id)
                .setParameter("version", patient.version)
                .setParameter("today", today));
    }

    /** Replaces the patient's telecoms, in order. */
    public Uni<Void> replaceTelecoms(String patientId, List<PatientTelecom> telecoms) {
        Uni<Integer> chain = db.update(DELETE_TELECOMS, query -> query.setParameter("id", patientId));
        for (int i = 0; i < telecoms.size(); i++) {
            PatientTelecom telecom = telecoms.get(i);
            int position = i;
            chain = chain.chain(() -> db.update(INSERT_TELECOM, query -> query.setParameter("id", patientId)
                    .setParameter("position", (short) position)
                    .setParameter("system", telecom.system)
                    .setParameter("use", telecom.use)
                    .setParameter("value", telecom.value)
                    .setParameter("end", telecom.periodEnd)));
        }
        return chain.replaceWithVoid();
    }

    /** Stores who made the registration that produced this version of the patient (security-and-audit.md §3.3). */
    public Uni<Integer> recordProvenance(String patientId, int version, String activity, ChangeAuthor author, Instant at,
                                         String pdsVersionId) {
        return db.recordProvenance(RECORD_PROVENANCE, version, activity, author, at,
                query -> query.setParameter("patient", patientId).setParameter("pdsVersion", pdsVersionId));
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }
}
