package org.gpconnect.senddocument.inbox.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.gpconnect.senddocument.inbox.StoredAttachment;
import org.gpconnect.senddocument.inbox.StoredDocument;
import org.gpconnect.senddocument.inbox.WorkflowItem;

/** Reads of the practice inbox (callers open the session or transaction). */
@ApplicationScoped
public class InboxRepository {

    public Uni<List<WorkflowItem>> items(String practiceOds, WorkflowItem.Status status, int limit) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from WorkflowItem where practiceOds = ?1 and status = ?2 order by createdAt", WorkflowItem.class)
                .setParameter(1, practiceOds).setParameter(2, status).setMaxResults(limit).getResultList());
    }

    public Uni<WorkflowItem> item(String practiceOds, UUID id, boolean lock) {
        return Panache.getSession().chain(s -> (lock ? s.find(WorkflowItem.class, id, LockModeType.PESSIMISTIC_WRITE)
                        : s.find(WorkflowItem.class, id)))
                .map(item -> item != null && item.practiceOds.equals(practiceOds) ? item : null);
    }

    public Uni<List<StoredDocument>> documents(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("from StoredDocument where id in ?1", StoredDocument.class)
                .setParameter(1, ids).getResultList());
    }

    public Uni<List<StoredAttachment>> attachments(List<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery(
                        "from StoredAttachment where documentId in ?1 order by documentId, ordinal", StoredAttachment.class)
                .setParameter(1, documentIds).getResultList());
    }

    public Uni<StoredAttachment> attachment(String practiceOds, UUID documentId, UUID attachmentId) {
        return Panache.getSession().chain(s -> s.find(StoredAttachment.class, attachmentId)
                .chain(a -> a == null || !a.documentId.equals(documentId) ? Uni.createFrom().nullItem()
                        : s.find(StoredDocument.class, documentId)
                        .map(d -> d != null && d.practiceOds.equals(practiceOds) ? a : null)));
    }
}
