-- send-document-service: MESH messages taken on, received documents and their attachments, the practice
-- inbox (workflow items) and the ITK3 acknowledgements waiting to be sent (send-document.md §4, §5).

-- One row per MESH message this service has taken on, keyed by the MESH message id: the claim that stops
-- two replicas from processing the same message (INSERT ... ON CONFLICT DO NOTHING, then a conditional
-- UPDATE when a lease has run out), and the record of what was answered.
--   RECEIVING     claimed; being downloaded/processed (claimed_until bounds the claim)
--   PROCESSED     outcome committed (document or rejection, acks queued, event in the outbox);
--                 acks still to send and/or the MESH acknowledge still to do
--   ACKNOWLEDGED  acks sent and the message acknowledged (removed from the MESH inbox)
--   FOREIGN       not a Send Document message (another workflow): left in MESH for its application
--   GONE          MESH no longer has it (404/410) before we could process it
CREATE TABLE mesh_inbound_message (
    message_id               varchar(100) PRIMARY KEY,
    practice_ods             varchar(20)  NOT NULL REFERENCES practice (ods_code),
    mailbox_id               varchar(32)  NOT NULL,
    document_id              uuid         NOT NULL UNIQUE,
    status                   varchar(16)  NOT NULL
        CHECK (status IN ('RECEIVING', 'PROCESSED', 'ACKNOWLEDGED', 'FOREIGN', 'GONE')),
    claimed_by               text,
    claimed_until            timestamptz,
    attempts                 int          NOT NULL DEFAULT 0,
    next_attempt_at          timestamptz  NOT NULL DEFAULT now(),
    last_error               text,
    workflow_id              text,
    mex_from                 text,
    mex_to                   text,
    mex_subject              text,
    mex_local_id             text,
    itk_tracking_id          text,
    message_header_id        text,
    infrastructure_ack_code  varchar(5),
    business_ack_code        varchar(5),
    diagnostics              text,
    trace_id                 text,
    first_seen_at            timestamptz  NOT NULL DEFAULT now(),
    processed_at             timestamptz,
    acknowledged_at          timestamptz
);
CREATE INDEX mesh_inbound_unfinished_idx ON mesh_inbound_message (practice_ods) WHERE status = 'PROCESSED';
-- duplicate messages (20007): an ITK tracking id already accepted
CREATE INDEX mesh_inbound_tracking_idx ON mesh_inbound_message (itk_tracking_id) WHERE infrastructure_ack_code = '20013';

CREATE TABLE document (
    id                    uuid          PRIMARY KEY,
    practice_ods          varchar(20)   NOT NULL REFERENCES practice (ods_code),
    mesh_message_id       varchar(100)  NOT NULL UNIQUE REFERENCES mesh_inbound_message (message_id),
    -- one stored document per ITK message (the backstop of 20007 when two replicas race)
    itk_tracking_id       text          NOT NULL UNIQUE,
    document_identifier   text          NOT NULL,
    sender_ods            varchar(20)   NOT NULL,
    sender_name           text,
    sender_mailbox        text,
    patient_nhs_number    char(10)      NOT NULL,
    patient_family_name   text          NOT NULL,
    patient_birth_date    date          NOT NULL,
    subject               text          NOT NULL,
    title                 text,
    document_type         text,
    document_date         timestamptz,
    business_ack_code     varchar(5)    NOT NULL,
    status                varchar(10)   NOT NULL CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    replaces_document_id  uuid          REFERENCES document (id),
    archived_at           timestamptz,
    received_at           timestamptz   NOT NULL DEFAULT now()
);
-- one stored document per document identifier and practice (the backstop of 20008)
CREATE UNIQUE INDEX document_identifier_once ON document (practice_ods, document_identifier);
CREATE INDEX document_patient_idx ON document (practice_ods, patient_nhs_number);

CREATE TABLE document_attachment (
    id            uuid     PRIMARY KEY,
    document_id   uuid     NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    ordinal       int      NOT NULL,
    content_type  text     NOT NULL,
    size_bytes    bigint   NOT NULL,
    sha256        char(64) NOT NULL,
    is_primary    boolean  NOT NULL,
    UNIQUE (document_id, ordinal)
);

-- Attachment content in segments of 256 KiB: written and read one segment at a time (never a whole
-- attachment in memory), in the same transaction as the document, deleted with it, and readable through
-- the reactive client (which has no large-object API).
CREATE TABLE document_attachment_segment (
    attachment_id  uuid   NOT NULL REFERENCES document_attachment (id) ON DELETE CASCADE,
    seq            int    NOT NULL,
    data           bytea  NOT NULL,
    PRIMARY KEY (attachment_id, seq)
);
-- PDFs are compressed already: store out of line without trying pglz on every segment
ALTER TABLE document_attachment_segment ALTER COLUMN data SET STORAGE EXTERNAL;

-- The practice inbox: one workflow item per document for a patient registered here (30001); its display
-- text is the MESH subject (GPCM-SD-CS-030).
CREATE TABLE workflow_item (
    id            uuid         PRIMARY KEY,
    document_id   uuid         NOT NULL UNIQUE REFERENCES document (id),
    practice_ods  varchar(20)  NOT NULL REFERENCES practice (ods_code),
    display_text  text         NOT NULL,
    status        varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'FILED', 'ARCHIVED')),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    filed_at      timestamptz,
    filed_by      text
);
CREATE INDEX workflow_item_pending_idx ON workflow_item (practice_ods, created_at) WHERE status = 'PENDING';

-- ITK3 acknowledgements, queued in the transaction that decided them and sent over MESH afterwards
-- (retried until sent); the inbound message is acknowledged in MESH only once all of its acks are sent.
CREATE TABLE mesh_outbound_ack (
    id                  bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inbound_message_id  varchar(100)  NOT NULL REFERENCES mesh_inbound_message (message_id),
    code                varchar(5)    NOT NULL,
    mex_to              text          NOT NULL,
    subject             text,
    content_type        text          NOT NULL,
    body                bytea         NOT NULL,
    sent_message_id     text,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    sent_at             timestamptz
);
CREATE INDEX mesh_outbound_ack_unsent_idx ON mesh_outbound_ack (inbound_message_id) WHERE sent_at IS NULL;
