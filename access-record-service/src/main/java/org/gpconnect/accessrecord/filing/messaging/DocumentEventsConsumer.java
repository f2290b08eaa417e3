package org.gpconnect.accessrecord.filing.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.gpconnect.accessrecord.filing.FiledDocument;
import org.gpconnect.accessrecord.filing.PoisonEventException;
import org.gpconnect.accessrecord.filing.service.FiledDocumentService;
import org.gpconnect.common.event.DocumentEventV1;
import org.jboss.logging.Logger;

/**
 * Consumes {@code gpconnect.documents.v1} (send-document-service's document events; issue 7 item 5). Only
 * FILED events change the record: received and rejected documents are not in the record (§6: data not yet
 * filed is never returned), so those events are acknowledged and nothing else.
 * <ul>
 *   <li><b>Acknowledged after commit</b>: the message is acknowledged only once the transaction that
 *       recorded it (or found it already processed) has committed, so the offset never runs ahead of the
 *       record.</li>
 *   <li><b>Poison to the dead-letter topic</b> ({@code gpconnect.documents.v1.dlq}): an event that cannot
 *       be read or can never be applied is nacked; the connector's dead-letter strategy publishes it there
 *       with the reason and consumption goes on.</li>
 *   <li><b>Transient failures retried, in order</b>: a database failure is retried with back-off, without
 *       acknowledging and without taking the next message of the partition, so the events of one document
 *       (one key, one partition) are applied in the order they were published and none is lost.</li>
 * </ul>
 */
@ApplicationScoped
// the payload is bound by Jackson from a JsonNode: register it for a native build
@RegisterForReflection(targets = {DocumentEventV1.class, DocumentEventV1.Attachment.class})
public class DocumentEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DocumentEventsConsumer.class);

    static final Duration FIRST_RETRY = Duration.ofMillis(200);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final FiledDocumentService service;

    public DocumentEventsConsumer(ObjectMapper json, FiledDocumentService service) {
        this.json = json;
        this.service = service;
    }

    @Incoming("documents")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<String> message) {
        FiledDocument filed;
        try {
            JsonNode event = read(message.getPayload());
            if (!DocumentEventV1.Kind.FILED.name().equals(event.get("kind").asText())) {
                // RECEIVED, REJECTED (and kinds a later version may add): not in the record
                return Uni.createFrom().completionStage(message.ack());
            }
            filed = FiledDocument.of(json.treeToValue(event, DocumentEventV1.class));
        } catch (JsonProcessingException e) {
            return deadLetter(message, new PoisonEventException("Unreadable FILED event: " + e.getOriginalMessage(), e));
        } catch (PoisonEventException e) {
            return deadLetter(message, e);
        }
        return service.record(filed)
                .onFailure(FiledDocumentService::transientFailure).invoke(e -> LOG.warnf(e,
                        "Filed document event %s not recorded yet (will retry): %s", filed.eventId(), e.getMessage()))
                .onFailure(FiledDocumentService::transientFailure).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .chain(outcome -> {
                    LOG.debugf("Document event %s: %s", filed.eventId(), outcome);
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure(PoisonEventException.class).recoverWithUni(e -> deadLetter(message, e));
    }

    /** The event as a JSON object with a textual kind, or poison. */
    private JsonNode read(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonEventException("Empty document event");
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("Unreadable document event: " + e.getOriginalMessage(), e);
        }
        if (event == null || !event.isObject() || !event.path("kind").isTextual()) {
            throw new PoisonEventException("Document event without a kind");
        }
        return event;
    }

    private static Uni<Void> deadLetter(Message<String> message, Throwable reason) {
        LOG.errorf("Document event sent to the dead-letter topic: %s", reason.getMessage());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
