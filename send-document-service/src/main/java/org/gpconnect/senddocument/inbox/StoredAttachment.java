package org.gpconnect.senddocument.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An attachment's metadata; its content is in {@code document_attachment_segment}. */
@Entity
@Table(name = "document_attachment")
public class StoredAttachment {

    @Id
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(nullable = false)
    public int ordinal;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, columnDefinition = "bpchar")
    public String sha256;

    /** The report itself: the Composition's first section entry. */
    @Column(name = "is_primary", nullable = false)
    public boolean primary;
}
