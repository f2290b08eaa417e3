-- Problems (the headers and their links), immunisations and uncategorised observations
-- (access-record-structured.md §6, §8). Problems themselves are not served yet (the area is switched off
-- estate-wide), but their links are real data: an item linked to a problem makes the response say that
-- the problems area is disabled (§5 "requested or linked").

-- ProblemHeader (Condition, CareConnect-GPC-ProblemHeader-Condition-1)
CREATE TABLE problem_header (
    id                     uuid         PRIMARY KEY,
    patient_id             varchar(64)  NOT NULL REFERENCES patient (id),
    clinical_status        varchar(16)  NOT NULL CHECK (clinical_status IN ('active', 'inactive')),
    significance           varchar(8)   NOT NULL CHECK (significance IN ('major', 'minor')),
    code                   varchar(32)  NOT NULL,
    code_display           text         NOT NULL,
    onset_date             date,
    onset_precision        varchar(5)   CHECK (onset_precision IN ('year', 'month', 'day')),
    abatement_date         date,
    asserted_date          date         NOT NULL,
    asserter_id            varchar(64)  NOT NULL REFERENCES practitioner (id),
    note                   text,
    confidential           boolean      NOT NULL DEFAULT false,
    awaiting_filing_since  date,
    CHECK ((onset_date IS NULL) = (onset_precision IS NULL))
);
CREATE INDEX problem_header_patient_idx ON problem_header (patient_id);

-- What a problem is linked to (relatedClinicalContent / actualProblem / relatedProblemHeader). item_id is
-- the linked resource's uuid (an allergy, a medication authorisation, an immunisation, an observation or
-- another problem); no foreign key because it spans tables, item_type says which.
CREATE TABLE problem_link (
    problem_id     uuid         NOT NULL REFERENCES problem_header (id),
    item_type      varchar(32)  NOT NULL CHECK (item_type IN ('allergy', 'medication', 'immunisation', 'observation', 'problem')),
    item_id        uuid         NOT NULL,
    -- for problem-to-problem links: parent, child or sibling (relatedProblemHeader.type)
    relationship   varchar(8)   CHECK (relationship IN ('parent', 'child', 'sibling')),
    PRIMARY KEY (problem_id, item_type, item_id)
);
CREATE INDEX problem_link_item_idx ON problem_link (item_id);

-- Immunization (CareConnect-GPC-Immunization-1)
CREATE TABLE immunisation (
    id                      uuid         PRIMARY KEY,
    patient_id              varchar(64)  NOT NULL REFERENCES patient (id),
    -- the vaccine product; null = not recorded (sent as the UNK null flavour)
    vaccine_code            varchar(32),
    vaccine_display         text,
    procedure_code          varchar(32)  NOT NULL,
    procedure_display       text         NOT NULL,
    administered_date       date,
    administered_precision  varchar(5)   CHECK (administered_precision IN ('year', 'month', 'day')),
    recorded_date           date         NOT NULL,
    not_given               boolean      NOT NULL DEFAULT false,
    not_given_reason_code   varchar(32),
    not_given_reason        text,
    primary_source          boolean      NOT NULL DEFAULT true,
    practitioner_id         varchar(64)  NOT NULL REFERENCES practitioner (id),
    dose_sequence           integer      NOT NULL DEFAULT 1 CHECK (dose_sequence > 0),
    target_disease_code     varchar(32)  NOT NULL,
    target_disease_display  text         NOT NULL,
    site_code               varchar(32),
    site_display            text,
    route_code              varchar(32),
    route_display           text,
    parent_present          boolean,
    lot_number              text,
    note                    text,
    confidential            boolean      NOT NULL DEFAULT false,
    awaiting_filing_since   date,
    CHECK ((administered_date IS NULL) = (administered_precision IS NULL))
);
CREATE INDEX immunisation_patient_idx ON immunisation (patient_id);

-- Observation (CareConnect-GPC-Observation-1): uncategorised data, blood pressure (components, no value)
-- and the immunisation status observations (consent, dissent, invitation: category immunisation-status).
-- The effective time is either a partial date (effective_date + precision) or an instant (effective_at).
CREATE TABLE observation (
    id                     uuid         PRIMARY KEY,
    patient_id             varchar(64)  NOT NULL REFERENCES patient (id),
    kind                   varchar(24)  NOT NULL CHECK (kind IN ('uncategorised', 'blood-pressure', 'immunisation-status')),
    code                   varchar(32)  NOT NULL,
    code_display           text         NOT NULL,
    effective_date         date,
    effective_precision    varchar(5)   CHECK (effective_precision IN ('year', 'month', 'day')),
    effective_at           timestamptz,
    issued                 timestamptz  NOT NULL,
    performer_id           varchar(64)  NOT NULL REFERENCES practitioner (id),
    value_quantity         numeric,
    value_unit             text,
    value_string           text,
    comment                text,
    confidential           boolean      NOT NULL DEFAULT false,
    awaiting_filing_since  date,
    CHECK ((effective_date IS NULL) = (effective_precision IS NULL)),
    CHECK (effective_at IS NULL OR effective_date IS NULL),
    -- blood pressure has components and never a value (§8)
    CHECK (kind <> 'blood-pressure' OR (value_quantity IS NULL AND value_string IS NULL))
);
CREATE INDEX observation_patient_idx ON observation (patient_id, kind);

CREATE TABLE observation_component (
    observation_id  uuid         NOT NULL REFERENCES observation (id),
    position        integer      NOT NULL,
    code            varchar(32)  NOT NULL,
    code_display    text         NOT NULL,
    value_quantity  numeric      NOT NULL,
    value_unit      text         NOT NULL,
    PRIMARY KEY (observation_id, position)
);
