package org.gpconnect.senddocument.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A received document (written by the receiving pipeline, read and filed through the inbox API). */
@Entity
@Table(name = "document")
public class StoredDocument {

    @Id
    public UUID id;

    @Column(name = "practice_ods", nullable = false)
    public String practiceOds;

    @Column(name = "mesh_message_id", nullable = false)
    public String meshMessageId;

    @Column(name = "itk_tracking_id", nullable = false)
    public String itkTrackingId;

    @Column(name = "document_identifier", nullable = false)
    public String documentIdentifier;

    @Column(name = "sender_ods", nullable = false)
    public String senderOds;

    @Column(name = "sender_name")
    public String senderName;

    @Column(name = "sender_mailbox")
    public String senderMailbox;

    @Column(name = "patient_nhs_number", nullable = false, columnDefinition = "bpchar")
    public String patientNhsNumber;

    @Column(name = "patient_family_name", nullable = false)
    public String patientFamilyName;

    @Column(name = "patient_birth_date", nullable = false)
    public LocalDate patientBirthDate;

    @Column(nullable = false)
    public String subject;

    public String title;

    @Column(name = "document_type")
    public String documentType;

    @Column(name = "document_date")
    public OffsetDateTime documentDate;

    @Column(name = "business_ack_code", nullable = false)
    public String businessAckCode;

    /** ACTIVE, or ARCHIVED once a replacement arrived (send-document.md §5.4). */
    @Column(nullable = false)
    public String status;

    @Column(name = "replaces_document_id")
    public UUID replacesDocumentId;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
