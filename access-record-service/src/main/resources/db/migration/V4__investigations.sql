-- Investigations (access-record-structured.md §6, §8): a test request (ProcedureRequest), the report
-- (DiagnosticReport), its specimens and its observations (test group headers, test results and filing
-- comments). A report is returned with everything under it; a confidential observation of a report is
-- left out and its list warns (§7.3 "confidential part of a DiagnosticReport").

ALTER TABLE problem_link DROP CONSTRAINT problem_link_item_type_check;
ALTER TABLE problem_link ADD CONSTRAINT problem_link_item_type_check
    CHECK (item_type IN ('allergy', 'medication', 'immunisation', 'observation', 'problem', 'investigation'));

-- ProcedureRequest (CareConnect-GPC-ProcedureRequest-1), status active, intent order.
CREATE TABLE test_request (
    id            uuid         PRIMARY KEY,
    patient_id    varchar(64)  NOT NULL REFERENCES patient (id),
    -- coded when known; otherwise code.text (the requested test's name, or "No code available")
    code          varchar(32),
    code_display  text,
    code_text     text,
    authored_on   date,
    requester_id  varchar(64)  REFERENCES practitioner (id)
);

-- DiagnosticReport (CareConnect-GPC-DiagnosticReport-1)
CREATE TABLE diagnostic_report (
    id                     uuid         PRIMARY KEY,
    patient_id             varchar(64)  NOT NULL REFERENCES patient (id),
    test_request_id        uuid         REFERENCES test_request (id),
    code                   varchar(32)  NOT NULL,
    code_display           text         NOT NULL,
    status                 varchar(16)  NOT NULL CHECK (status IN ('registered', 'partial', 'preliminary', 'final',
                                            'amended', 'corrected', 'appended', 'cancelled', 'entered-in-error', 'unknown')),
    issued                 timestamptz  NOT NULL,
    performer_org_id       varchar(64)  REFERENCES organization (id),
    conclusion             text,
    confidential           boolean      NOT NULL DEFAULT false,
    awaiting_filing_since  date
);
CREATE INDEX diagnostic_report_patient_idx ON diagnostic_report (patient_id);

-- Specimen (CareConnect-GPC-Specimen-1)
CREATE TABLE specimen (
    id              uuid         PRIMARY KEY,
    report_id       uuid         NOT NULL REFERENCES diagnostic_report (id),
    position        integer      NOT NULL,
    type_code       varchar(32),
    type_display    text         NOT NULL,
    collected_at    timestamptz,
    fasting_status  text
);

-- The report's observations: a test group header (hasMember -> its results), a test result, or a
-- filing comment (status unknown, Comment note).
CREATE TABLE investigation_observation (
    id              uuid         PRIMARY KEY,
    report_id       uuid         NOT NULL REFERENCES diagnostic_report (id),
    group_id        uuid         REFERENCES investigation_observation (id),
    position        integer      NOT NULL,
    kind            varchar(16)  NOT NULL CHECK (kind IN ('test-group', 'result', 'filing-comment')),
    code            varchar(32)  NOT NULL,
    code_display    text         NOT NULL,
    status          varchar(16)  NOT NULL,
    value_quantity  numeric,
    value_unit      text,
    value_string    text,
    comment         text,
    issued          timestamptz,
    performer_id    varchar(64)  REFERENCES practitioner (id),
    confidential    boolean      NOT NULL DEFAULT false,
    CHECK (kind <> 'filing-comment' OR (status = 'unknown' AND performer_id IS NOT NULL AND issued IS NOT NULL))
);
CREATE INDEX investigation_observation_report_idx ON investigation_observation (report_id);
