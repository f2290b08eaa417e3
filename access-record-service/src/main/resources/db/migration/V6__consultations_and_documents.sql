-- Consultations and documents (access-record-structured.md §6, §7.5, §8 Encounter/DocumentReference), and
-- the record of the filed-document events this service has applied (issue 7 item 5).

-- Documents are a switchable area of their own (§5: "DocumentReferences has been disabled").
ALTER TABLE practice_clinical_area DROP CONSTRAINT practice_clinical_area_area_check;
ALTER TABLE practice_clinical_area ADD CONSTRAINT practice_clinical_area_area_check
    CHECK (area IN ('allergies', 'medication', 'consultations', 'problems', 'immunisations', 'uncategorised-data',
                    'investigations', 'referrals', 'diary-entries', 'documents'));

-- Problems can be linked to consultations (relatedClinicalContent -> Encounter) and to documents.
ALTER TABLE problem_link DROP CONSTRAINT problem_link_item_type_check;
ALTER TABLE problem_link ADD CONSTRAINT problem_link_item_type_check
    CHECK (item_type IN ('allergy', 'medication', 'immunisation', 'observation', 'problem', 'investigation', 'referral',
                         'diary', 'consultation', 'document'));

-- ---------------------------------------------------------------------------------------------------
-- A consultation: the Encounter (CareConnect-GPC-Encounter-1) and its structure (§7.5): topics, each
-- either flat (items directly) or with categories (headings) holding the items. Items are references to
-- records of the other areas (no copies): the same row is the item of its own area's list.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE encounter (
    id                       uuid         PRIMARY KEY,
    patient_id               varchar(64)  NOT NULL REFERENCES patient (id),
    -- finished (finalised) or unknown (draft)
    status                   varchar(16)  NOT NULL CHECK (status IN ('finished', 'unknown')),
    type_code                varchar(32),
    type_display             text,
    -- the consultation type as the GP system shows it (Encounter.type.text, the consultation List's title)
    type_text                text         NOT NULL,
    period_start             timestamptz  NOT NULL,
    period_end               timestamptz,
    -- who recorded it: a practitioner of this record, or (a filed document) the filer's name only
    recorder_id              varchar(64)  REFERENCES practitioner (id),
    recorder_display         text,
    performer_id             varchar(64)  REFERENCES practitioner (id),
    service_provider_org_id  varchar(64)  NOT NULL REFERENCES organization (id),
    -- system time of the last change (List.date of the consultation structure)
    last_modified            timestamptz  NOT NULL,
    confidential             boolean      NOT NULL DEFAULT false,
    awaiting_filing_since    date,
    CHECK (recorder_id IS NOT NULL OR recorder_display IS NOT NULL),
    CHECK (period_end IS NULL OR period_end >= period_start)
);
CREATE INDEX encounter_patient_idx ON encounter (patient_id, period_start);

-- A topic (parent_id null) or a category/heading (parent_id = its topic).
CREATE TABLE consultation_section (
    id            uuid         PRIMARY KEY,
    encounter_id  uuid         NOT NULL REFERENCES encounter (id),
    parent_id     uuid         REFERENCES consultation_section (id),
    position      integer      NOT NULL,
    -- null: an untitled topic
    title         text,
    -- topics only: the problem the clinician linked the topic to (relatedProblemHeader)
    problem_id    uuid         REFERENCES problem_header (id),
    CHECK (parent_id IS NULL OR problem_id IS NULL)
);
CREATE INDEX consultation_section_encounter_idx ON consultation_section (encounter_id);

-- A record entry made in a topic (flat) or a category. 'medication' is an authorisation (the plan),
-- 'medication-issue' an issue (the order, §6: "order only if directly linked").
CREATE TABLE consultation_item (
    section_id  uuid         NOT NULL REFERENCES consultation_section (id),
    position    integer      NOT NULL,
    item_type   varchar(32)  NOT NULL CHECK (item_type IN ('allergy', 'medication', 'medication-issue', 'immunisation',
                                 'observation', 'problem', 'investigation', 'referral', 'diary', 'document')),
    item_id     uuid         NOT NULL,
    PRIMARY KEY (section_id, position),
    UNIQUE (section_id, item_type, item_id)
);
CREATE INDEX consultation_item_item_idx ON consultation_item (item_id);

-- ---------------------------------------------------------------------------------------------------
-- DocumentReference (CareConnect-GPC-DocumentReference-1): metadata only (§8; the binary is Access
-- Document's, out of scope). A document may belong to a consultation (context.encounter) and to a
-- referral (the referral's supportingInfo).
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE document_reference (
    id                     uuid         PRIMARY KEY,
    patient_id             varchar(64)  NOT NULL REFERENCES patient (id),
    status                 varchar(16)  NOT NULL CHECK (status IN ('current', 'superseded')),
    type_system            text,
    type_code              varchar(64),
    type_display           text,
    -- the document type as recorded (always present: DocumentReference.type is 1..1)
    type_text              text         NOT NULL,
    description            text,
    -- when the document was written (Composition.date), and when the practice filed it into the record
    created                timestamptz,
    indexed                timestamptz  NOT NULL,
    author_org_id          varchar(64)  REFERENCES organization (id),
    -- an author organisation this record holds no Organization for: its ODS code
    author_ods             varchar(20),
    custodian_org_id       varchar(64)  NOT NULL REFERENCES organization (id),
    content_type           text         NOT NULL,
    size_bytes             bigint       CHECK (size_bytes >= 0),
    attachment_title       text,
    encounter_id           uuid         REFERENCES encounter (id),
    referral_id            uuid         REFERENCES referral_request (id),
    -- a document received through send-document-service: its documentId there (one record per document)
    source_document_id     varchar(64)  UNIQUE,
    -- the source document this one replaced (send-document.md §5.4); kept even when that one has not
    -- been recorded yet, so a replacement filed first still supersedes it when it arrives
    replaces_source_document_id varchar(64),
    confidential           boolean      NOT NULL DEFAULT false,
    awaiting_filing_since  date
);
CREATE INDEX document_reference_patient_idx ON document_reference (patient_id);
CREATE INDEX document_reference_replaces_idx ON document_reference (replaces_source_document_id);

-- ---------------------------------------------------------------------------------------------------
-- The events of gpconnect.documents.v1 this service has processed, written in the same transaction as
-- the record change they made: a redelivered event finds its row and changes nothing (at-least-once in,
-- exactly-once effect).
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE processed_document_event (
    event_id      varchar(64)  PRIMARY KEY,
    kind          varchar(16)  NOT NULL,
    document_id   varchar(64)  NOT NULL,
    -- recorded: a new encounter and document; duplicate-document: that document was already recorded
    outcome       varchar(32)  NOT NULL,
    encounter_id  uuid         REFERENCES encounter (id),
    processed_at  timestamptz  NOT NULL DEFAULT now()
);
