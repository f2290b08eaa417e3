package org.gpconnect.senddocument.inbox.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.event.DocumentEventV1;
import org.gpconnect.common.outbox.Outbox;
import org.gpconnect.senddocument.inbox.InboxItemView;
import org.gpconnect.senddocument.inbox.StoredAttachment;
import org.gpconnect.senddocument.inbox.StoredDocument;
import org.gpconnect.senddocument.inbox.WorkflowItem;
import org.gpconnect.senddocument.inbox.repository.InboxRepository;

/**
 * The practice inbox: pending items with their documents, and filing, which announces the document as
 * FILED on {@value DocumentEventV1#TOPIC} through the outbox in the same transaction (the record service
 * files it into the patient's record from that event).
 */
@ApplicationScoped
public class InboxService {

    private final InboxRepository repository;
    private final Outbox outbox;

    public InboxService(InboxRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<List<InboxItemView>> list(String practiceOds, WorkflowItem.Status status, int limit) {
        return repository.items(practiceOds, status, limit).chain(this::views);
    }

    @WithSession
    public Uni<InboxItemView> get(String practiceOds, UUID itemId) {
        return repository.item(practiceOds, itemId, false).chain(item -> require(item, itemId))
                .chain(item -> views(List.of(item))).map(views -> views.get(0));
    }

    /**
     * Files an item. Idempotent: filing a filed item returns it unchanged (no second event); an item archived
     * by a replacement cannot be filed (409): its replacement is the one to file.
     */
    @WithTransaction
    public Uni<InboxItemView> file(String practiceOds, UUID itemId, String filedBy, String traceId) {
        return repository.item(practiceOds, itemId, true).chain(item -> require(item, itemId)).chain(item -> {
            if (item.status == WorkflowItem.Status.FILED) {
                return views(List.of(item)).map(v -> v.get(0));
            }
            if (item.status == WorkflowItem.Status.ARCHIVED) {
                return Uni.createFrom().failure(new GpConnectException(SpineCode.FHIR_CONSTRAINT_VIOLATION,
                        "The document was replaced by a newer version; file the replacement instead"));
            }
            item.status = WorkflowItem.Status.FILED;
            item.filedAt = OffsetDateTime.now(ZoneOffset.UTC);
            item.filedBy = filedBy;
            return views(List.of(item)).chain(views -> outbox.append(DocumentEventV1.TOPIC, views.get(0).document().documentId().toString(),
                    DocumentEventV1.Kind.FILED.eventType(), filedEvent(views.get(0), practiceOds, filedBy, traceId))
                    .replaceWith(views.get(0)));
        });
    }

    /** An attachment of a document of this practice, or a 404 failure. */
    @WithSession
    public Uni<StoredAttachment> attachment(String practiceOds, UUID documentId, UUID attachmentId) {
        return repository.attachment(practiceOds, documentId, attachmentId)
                .onItem().ifNull().failWith(() -> new GpConnectException(SpineCode.NO_RECORD_FOUND,
                        "No attachment " + attachmentId + " of document " + documentId + " in this practice"));
    }

    private Uni<WorkflowItem> require(WorkflowItem item, UUID itemId) {
        return item != null ? Uni.createFrom().item(item) : Uni.createFrom().failure(
                new GpConnectException(SpineCode.NO_RECORD_FOUND, "No inbox item " + itemId + " in this practice"));
    }

    private Uni<List<InboxItemView>> views(List<WorkflowItem> items) {
        List<UUID> documentIds = items.stream().map(i -> i.documentId).toList();
        return repository.documents(documentIds).chain(documents -> repository.attachments(documentIds).map(attachments -> {
            Map<UUID, StoredDocument> byId = documents.stream().collect(Collectors.toMap(d -> d.id, d -> d));
            Map<UUID, List<StoredAttachment>> byDocument = attachments.stream()
                    .collect(Collectors.groupingBy(a -> a.documentId));
            List<InboxItemView> views = new ArrayList<>();
            for (WorkflowItem item : items) {
                views.add(InboxItemView.of(item, byId.get(item.documentId), byDocument.getOrDefault(item.documentId, List.of())));
            }
            return views;
        }));
    }

    private static DocumentEventV1 filedEvent(InboxItemView view, String practiceOds, String filedBy, String traceId) {
        InboxItemView.Document d = view.document();
        return new DocumentEventV1(UUID.randomUUID().toString(), DocumentEventV1.Kind.FILED, Instant.now(),
                d.documentId().toString(), practiceOds, d.meshMessageId(), d.itkTrackingId(), d.sender().odsCode(),
                d.sender().mailbox(), d.patient().nhsNumber(), "20013", "30001", null, view.displayText(), d.title(),
                d.documentType(), d.documentDate() == null ? null : d.documentDate().toInstant(),
                d.replacesDocumentId() == null ? null : d.replacesDocumentId().toString(),
                view.attachments().stream().map(a -> new DocumentEventV1.Attachment(a.attachmentId().toString(),
                        a.contentType(), a.sizeBytes(), a.sha256(), a.primary())).toList(),
                filedBy, traceId);
    }
}
