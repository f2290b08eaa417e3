package org.gpconnect.accessrecord.filing.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.gpconnect.accessrecord.filing.FiledDocument;

/**
 * The statements that record a filed document, each run on the caller's connection inside its transaction
 * (the processed-event row and the record change commit together or not at all).
 */
@ApplicationScoped
public class FiledDocumentRepository {

    /** The consultation type of a filed document's Encounter (and its consultation List's title). */
    public static final String ENCOUNTER_TYPE = "Document received";

    /** The patient a document is about, with the practice's Organization. */
    public record PatientOfPractice(String patientId, String practiceOrganizationId) {
    }

    private static final String CLAIM_EVENT = """
            INSERT INTO processed_document_event (event_id, kind, document_id, outcome) VALUES ($1, $2, $3, 'processing')
            ON CONFLICT (event_id) DO NOTHING RETURNING event_id""";

    private static final String SET_OUTCOME = """
            UPDATE processed_document_event SET outcome = $2, encounter_id = $3 WHERE event_id = $1""";

    private static final String PATIENT = """
            SELECT p.id, pr.organization_id FROM patient p JOIN practice pr ON pr.ods_code = p.practice_ods
            WHERE p.practice_ods = $1 AND p.nhs_number = $2""";

    private static final String DOCUMENT_RECORDED = "SELECT 1 FROM document_reference WHERE source_document_id = $1";

    private static final String PRACTITIONER_BY_SDS_ID = "SELECT id FROM practitioner WHERE sds_user_id = $1 ORDER BY id LIMIT 1";

    private static final String ORGANIZATION_BY_ODS = "SELECT id FROM organization WHERE ods_code = $1 ORDER BY id LIMIT 1";

    private static final String INSERT_ENCOUNTER = """
            INSERT INTO encounter (id, patient_id, status, type_text, period_start, recorder_id, recorder_display,
                                   service_provider_org_id, last_modified)
            VALUES ($1, $2, 'finished', $3, $4, $5, $6, $7, $8)""";

    private static final String INSERT_TOPIC = """
            INSERT INTO consultation_section (id, encounter_id, position, title) VALUES ($1, $2, 1, $3)""";

    private static final String INSERT_ITEM = """
            INSERT INTO consultation_item (section_id, position, item_type, item_id) VALUES ($1, 1, 'document', $2)""";

    private static final String INSERT_DOCUMENT = """
            INSERT INTO document_reference (id, patient_id, status, type_system, type_code, type_display, type_text, description,
                                            created, indexed, author_org_id, author_ods, custodian_org_id, content_type,
                                            size_bytes, attachment_title, encounter_id, source_document_id,
                                            replaces_source_document_id)
            VALUES ($1, $2::varchar,
                    CASE WHEN EXISTS (SELECT 1 FROM document_reference r WHERE r.patient_id = $2::varchar
                                      AND r.replaces_source_document_id = $17::varchar) THEN 'superseded' ELSE 'current' END,
                    $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::varchar, $18)""";

    private static final String SUPERSEDE = """
            UPDATE document_reference SET status = 'superseded' WHERE patient_id = $1 AND source_document_id = $2""";

    /** Claims the event for this transaction; false when it was processed before (a redelivery). */
    public Uni<Boolean> claim(SqlConnection connection, FiledDocument d, String kind) {
        return connection.preparedQuery(CLAIM_EVENT).execute(Tuple.of(d.eventId(), kind, d.documentId()))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> outcome(SqlConnection connection, String eventId, String outcome, UUID encounterId) {
        return connection.preparedQuery(SET_OUTCOME).execute(Tuple.of(eventId, outcome, encounterId)).replaceWithVoid();
    }

    public Uni<Optional<PatientOfPractice>> patient(SqlConnection connection, String practiceOds, String nhsNumber) {
        return connection.preparedQuery(PATIENT).execute(Tuple.of(practiceOds, nhsNumber)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new PatientOfPractice(row.getString("id"), row.getString("organization_id")));
        });
    }

    public Uni<Boolean> documentRecorded(SqlConnection connection, String sourceDocumentId) {
        return connection.preparedQuery(DOCUMENT_RECORDED).execute(Tuple.of(sourceDocumentId)).map(rows -> rows.iterator().hasNext());
    }

    /** The practitioner of this record with that SDS user id (who filed the document), if any. */
    public Uni<Optional<String>> practitionerBySdsUserId(SqlConnection connection, String sdsUserId) {
        if (sdsUserId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return connection.preparedQuery(PRACTITIONER_BY_SDS_ID).execute(Tuple.of(sdsUserId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getString("id")) : Optional.empty());
    }

    /** The Organization of this record with that ODS code (the sender), if any. */
    public Uni<Optional<String>> organizationByOds(SqlConnection connection, String odsCode) {
        if (odsCode == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return connection.preparedQuery(ORGANIZATION_BY_ODS).execute(Tuple.of(odsCode))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getString("id")) : Optional.empty());
    }

    /**
     * Writes the consultation of the filed document: an Encounter, one topic named after the
     * document, the DocumentReference as its item (metadata only), superseding the document it replaces.
     *
     * @return the new Encounter's id
     */
    public Uni<UUID> insert(SqlConnection connection, FiledDocument d, PatientOfPractice patient, Optional<String> recorderId,
                            Optional<String> authorOrganizationId) {
        UUID encounterId = UUID.randomUUID();
        UUID topicId = UUID.randomUUID();
        UUID documentId = UUID.randomUUID();
        OffsetDateTime filed = d.filedAt().atOffset(ZoneOffset.UTC);
        String recorderDisplay = recorderId.isPresent() ? null : d.filedBy() != null ? d.filedBy() : "Practice inbox";
        Tuple encounter = Tuple.tuple().addUUID(encounterId).addString(patient.patientId()).addString(ENCOUNTER_TYPE)
                .addOffsetDateTime(d.encounterStart().atOffset(ZoneOffset.UTC)).addString(recorderId.orElse(null))
                .addString(recorderDisplay).addString(patient.practiceOrganizationId()).addOffsetDateTime(filed);
        Tuple document = Tuple.tuple().addUUID(documentId).addString(patient.patientId())
                .addString(d.typeSystem()).addString(d.typeCode()).addString(d.typeDisplay()).addString(d.typeText())
                .addString(d.description())
                .addOffsetDateTime(d.documentDate() == null ? null : d.documentDate().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(filed)
                .addString(authorOrganizationId.orElse(null)).addString(authorOrganizationId.isPresent() ? null : d.senderOds())
                .addString(patient.practiceOrganizationId())
                .addString(d.attachment().contentType()).addLong(d.attachment().sizeBytes() < 0 ? null : d.attachment().sizeBytes())
                .addString(d.title()).addUUID(encounterId).addString(d.documentId()).addString(d.replacesDocumentId());
        Uni<Void> chain = connection.preparedQuery(INSERT_ENCOUNTER).execute(encounter)
                .chain(() -> connection.preparedQuery(INSERT_TOPIC).execute(Tuple.of(topicId, encounterId, d.description())))
                .chain(() -> connection.preparedQuery(INSERT_DOCUMENT).execute(document))
                .chain(() -> connection.preparedQuery(INSERT_ITEM).execute(Tuple.of(topicId, documentId)))
                .replaceWithVoid();
        if (d.replacesDocumentId() != null) {
            chain = chain.chain(() -> connection.preparedQuery(SUPERSEDE).execute(Tuple.of(patient.patientId(), d.replacesDocumentId())))
                    .replaceWithVoid();
        }
        return chain.replaceWith(encounterId);
    }
}
