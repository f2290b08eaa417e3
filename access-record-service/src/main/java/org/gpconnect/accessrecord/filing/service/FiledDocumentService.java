package org.gpconnect.accessrecord.filing.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.gpconnect.accessrecord.filing.FiledDocument;
import org.gpconnect.accessrecord.filing.PoisonEventException;
import org.gpconnect.accessrecord.filing.repository.FiledDocumentRepository;
import org.gpconnect.common.event.DocumentEventV1;
import org.jboss.logging.Logger;

/**
 * Records a filed document in the patient's record (issue 7 item 5): a consultation of its own (an
 * Encounter of type "Document received", one topic named after the document) holding the document's
 * metadata as a DocumentReference, so the next structured record with {@code includeConsultations} shows
 * it. One transaction writes the processed-event row and the record change: a redelivered event finds its
 * row and changes nothing; a second event about a document already recorded changes nothing either.
 */
@ApplicationScoped
public class FiledDocumentService {

    private static final Logger LOG = Logger.getLogger(FiledDocumentService.class);

    /** What processing one event did. */
    public enum Outcome {
        /** A new consultation with the document. */
        RECORDED,
        /** The event was processed before (at-least-once delivery): nothing changed. */
        DUPLICATE_EVENT,
        /** Another event already recorded this document: nothing changed. */
        DUPLICATE_DOCUMENT
    }

    private final Pool pool;
    private final FiledDocumentRepository repository;

    public FiledDocumentService(Pool pool, FiledDocumentRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    public Uni<Outcome> record(FiledDocument d) {
        String kind = DocumentEventV1.Kind.FILED.name();
        return pool.withTransaction(connection -> repository.claim(connection, d, kind).chain(claimed -> {
            if (!claimed) {
                return Uni.createFrom().item(Outcome.DUPLICATE_EVENT);
            }
            return repository.patient(connection, d.practiceOds(), d.patientNhsNumber()).chain(patient -> {
                if (patient.isEmpty()) {
                    // the record holds no such patient at that practice: an operator must look (dead-letter topic)
                    throw new PoisonEventException("FILED event " + d.eventId() + ": practice " + d.practiceOds()
                            + " has no patient with the NHS number of document " + d.documentId());
                }
                return repository.documentRecorded(connection, d.documentId()).chain(recorded -> {
                    if (recorded) {
                        return repository.outcome(connection, d.eventId(), "duplicate-document", null)
                                .replaceWith(Outcome.DUPLICATE_DOCUMENT);
                    }
                    return repository.practitionerBySdsUserId(connection, d.filedBy())
                            .chain(recorder -> repository.organizationByOds(connection, d.senderOds())
                                    .chain(author -> repository.insert(connection, d, patient.get(), recorder, author)))
                            .chain(encounterId -> repository.outcome(connection, d.eventId(), "recorded", encounterId)
                                    .invoke(() -> LOG.infof("Filed document %s recorded for patient %s as encounter %s (event %s)",
                                            d.documentId(), patient.get().patientId(), encounterId, d.eventId())))
                            .replaceWith(Outcome.RECORDED);
                });
            });
        })).onFailure(FiledDocumentService::dataError).transform(e ->
                new PoisonEventException("FILED event " + d.eventId() + " cannot be stored: " + e.getMessage(), e));
    }

    /**
     * A database error caused by the event's content (SQLSTATE class 22 data exception, 23 integrity
     * constraint): retrying cannot help. Anything else (connection lost, database down, serialization
     * failure) is transient.
     */
    static boolean dataError(Throwable e) {
        return e instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }

    /** Whether a failure is worth retrying (not poison). */
    public static boolean transientFailure(Throwable e) {
        return !(e instanceof PoisonEventException);
    }
}
