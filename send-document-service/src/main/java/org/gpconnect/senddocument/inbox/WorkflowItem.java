package org.gpconnect.senddocument.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A task in the practice inbox: one received document to review and file (GPCM-SD-CS-030). */
@Entity
@Table(name = "workflow_item")
public class WorkflowItem {

    /** PENDING until filed; ARCHIVED when a replacement archived its document first. */
    public enum Status { PENDING, FILED, ARCHIVED }

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(name = "practice_ods", nullable = false)
    public String practiceOds;

    /** The MESH subject of the message. */
    @Column(name = "display_text", nullable = false)
    public String displayText;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "filed_at")
    public OffsetDateTime filedAt;

    @Column(name = "filed_by")
    public String filedBy;
}
