-- Outbound referrals and diary entries (access-record-structured.md §6, §8).

ALTER TABLE problem_link DROP CONSTRAINT problem_link_item_type_check;
ALTER TABLE problem_link ADD CONSTRAINT problem_link_item_type_check
    CHECK (item_type IN ('allergy', 'medication', 'immunisation', 'observation', 'problem', 'investigation', 'referral', 'diary'));

-- ReferralRequest (CareConnect-GPC-ReferralRequest-1): intent order; status unknown unless cancelled.
CREATE TABLE referral_request (
    id                     uuid         PRIMARY KEY,
    patient_id             varchar(64)  NOT NULL REFERENCES patient (id),
    status                 varchar(16)  NOT NULL DEFAULT 'unknown' CHECK (status IN ('unknown', 'cancelled')),
    priority               varchar(8)   CHECK (priority IN ('routine', 'urgent', 'asap', 'stat')),
    authored_on            timestamptz,
    requester_id           varchar(64)  NOT NULL REFERENCES practitioner (id),
    on_behalf_of_org_id    varchar(64)  REFERENCES organization (id),
    recipient_org_id       varchar(64)  REFERENCES organization (id),
    reason_code            varchar(32),
    reason_text            text,
    description            text,
    ubrn                   varchar(32),
    note                   text,
    confidential           boolean      NOT NULL DEFAULT false,
    awaiting_filing_since  date
);
CREATE INDEX referral_request_patient_idx ON referral_request (patient_id);

-- Diary entry (ProcedureRequest, CareConnect-GPC-ProcedureRequest-1): a recall. Only incomplete entries
-- are ever sent (status active, intent plan).
CREATE TABLE diary_entry (
    id                     uuid         PRIMARY KEY,
    patient_id             varchar(64)  NOT NULL REFERENCES patient (id),
    code                   varchar(32),
    code_display           text,
    code_text              text,
    completed              boolean      NOT NULL DEFAULT false,
    occurrence_date        date,
    occurrence_precision   varchar(5)   CHECK (occurrence_precision IN ('year', 'month', 'day')),
    authored_on            date         NOT NULL,
    requester_id           varchar(64)  NOT NULL REFERENCES practitioner (id),
    note                   text,
    confidential           boolean      NOT NULL DEFAULT false,
    awaiting_filing_since  date,
    CHECK (code IS NOT NULL OR code_text IS NOT NULL),
    CHECK ((occurrence_date IS NULL) = (occurrence_precision IS NULL))
);
CREATE INDEX diary_entry_patient_idx ON diary_entry (patient_id);
