-- Administrative items (access-record-html.md §5, section ADM "Administrative Items"): the non-clinical
-- entries of a record (appointments missed, letters and invitations sent, registration events). The
-- HTML view shows them (Date, Entry, Details; never a code); Access Record Structured has no area for them
-- and never sends them. The code is kept for the sensitive-exclusion set only.

CREATE TABLE administrative_item (
    id                     uuid         PRIMARY KEY,
    patient_id             varchar(64)  NOT NULL REFERENCES patient (id),
    entry_date             date         NOT NULL,
    entry_precision        varchar(5)   NOT NULL DEFAULT 'day' CHECK (entry_precision IN ('year', 'month', 'day')),
    code                   varchar(32),
    -- the entry as the GP system shows it
    entry                  text         NOT NULL,
    details                text,
    recorder_id            varchar(64)  REFERENCES practitioner (id),
    confidential           boolean      NOT NULL DEFAULT false,
    awaiting_filing_since  date
);
CREATE INDEX administrative_item_patient_idx ON administrative_item (patient_id);
