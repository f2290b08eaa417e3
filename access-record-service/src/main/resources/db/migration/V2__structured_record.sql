-- Access Record Structured (access-record-structured.md): the administrative resources the record points
-- at, the switches that turn clinical areas off per practice (§5), and the clinical areas this service
-- completes (allergies §6/§8, medications §6/§8). Each row of a clinical table is one FHIR resource;
-- its uuid is both the logical id and the persistent, provider-namespaced identifier (§8).

-- ---------------------------------------------------------------------------------------------------
-- Administrative resources (this service's own copy: no service reads another's tables)
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE organization (
    id             varchar(64)  PRIMARY KEY,
    ods_code       varchar(20)  NOT NULL,
    name           text         NOT NULL,
    phone          text,
    address_lines  text[]       NOT NULL DEFAULT '{}',
    city           text,
    district       text,
    postal_code    text,
    country        text
);
CREATE INDEX organization_ods_idx ON organization (ods_code);

ALTER TABLE practice ADD COLUMN organization_id varchar(64) REFERENCES organization (id);

CREATE TABLE practitioner (
    id            varchar(64)  PRIMARY KEY,
    sds_user_id   varchar(64)  NOT NULL,
    name_prefix   text,
    given_names   text[]       NOT NULL DEFAULT '{}',
    family_name   text,
    gender        varchar(16)  CHECK (gender IN ('male', 'female', 'other', 'unknown'))
);

CREATE TABLE practitioner_role_profile (
    practitioner_id  varchar(64)  NOT NULL REFERENCES practitioner (id),
    role_profile_id  varchar(64)  NOT NULL,
    PRIMARY KEY (practitioner_id, role_profile_id)
);

CREATE TABLE practitioner_language (
    practitioner_id  varchar(64)  NOT NULL REFERENCES practitioner (id),
    code             varchar(16)  NOT NULL,
    display          text         NOT NULL,
    PRIMARY KEY (practitioner_id, code)
);

-- A practitioner's role at an organisation (SDS job role, CareConnect-SDSJobRoleName-1).
CREATE TABLE practitioner_role (
    id               varchar(64)  PRIMARY KEY,
    practitioner_id  varchar(64)  NOT NULL REFERENCES practitioner (id),
    organization_id  varchar(64)  NOT NULL REFERENCES organization (id),
    role_code        varchar(16),
    role_display     text,
    UNIQUE (practitioner_id, organization_id)
);

-- The usual GP (Patient.generalPractitioner).
ALTER TABLE patient ADD COLUMN general_practitioner_id varchar(64) REFERENCES practitioner (id);

-- ---------------------------------------------------------------------------------------------------
-- Per-practice clinical-area switches (§5). No row: the area follows the estate-wide setting
-- (gpconnect.access-record.disabled-areas). A row with enabled = false switches the area off at that
-- practice without a release; the estate-wide switch wins when it says off.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE practice_clinical_area (
    practice_ods  varchar(20)  NOT NULL REFERENCES practice (ods_code),
    area          varchar(32)  NOT NULL CHECK (area IN ('allergies', 'medication', 'consultations', 'problems',
                                 'immunisations', 'uncategorised-data', 'investigations', 'referrals', 'diary-entries')),
    enabled       boolean      NOT NULL,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    changed_by    text         NOT NULL,
    PRIMARY KEY (practice_ods, area)
);

-- ---------------------------------------------------------------------------------------------------
-- What every clinical item carries (columns repeated per table, not inherited, so each table stands alone):
--   confidential       practice-designated confidential/private item: never shared (§9 step 4, P6);
--                      its exclusion is signalled by the confidential-items warning on its list
--   awaiting_filing_since  received electronically, not yet filed into the record: never returned
--                      (§6); signalled by data-awaiting-filing with this date
--   recorder_id        the Practitioner who entered it
-- Partial dates are a date (the first day of the interval) plus its precision: year, month or day (§6).
-- ---------------------------------------------------------------------------------------------------

-- AllergyIntolerance (§8, CareConnect-GPC-AllergyIntolerance-1)
CREATE TABLE allergy_intolerance (
    id                     uuid         PRIMARY KEY,
    patient_id             varchar(64)  NOT NULL REFERENCES patient (id),
    clinical_status        varchar(16)  NOT NULL CHECK (clinical_status IN ('active', 'resolved')),
    -- the source's category; 'medication' stays a drug allergy, everything else is sent as environment
    category               varchar(16)  CHECK (category IN ('medication', 'food', 'environment', 'biologic')),
    allergy_type           varchar(16)  CHECK (allergy_type IN ('allergy', 'intolerance')),
    code_system            text         NOT NULL DEFAULT 'http://snomed.info/sct',
    code                   varchar(32)  NOT NULL,
    code_display           text         NOT NULL,
    onset_date             date,
    onset_precision        varchar(5)   CHECK (onset_precision IN ('year', 'month', 'day')),
    asserted_date          date         NOT NULL,
    recorder_id            varchar(64)  NOT NULL REFERENCES practitioner (id),
    asserter_id            varchar(64)  REFERENCES practitioner (id),
    criticality            varchar(16)  CHECK (criticality IN ('low', 'high', 'unable-to-assess')),
    end_date               date,
    end_reason             text,
    reaction_code          varchar(32),
    reaction_display       text,
    reaction_severity      varchar(16)  CHECK (reaction_severity IN ('mild', 'moderate', 'severe')),
    note                   text,
    confidential           boolean      NOT NULL DEFAULT false,
    awaiting_filing_since  date,
    CHECK (clinical_status = 'active' OR end_date IS NOT NULL),
    CHECK ((onset_date IS NULL) = (onset_precision IS NULL))
);
CREATE INDEX allergy_intolerance_patient_idx ON allergy_intolerance (patient_id);

-- Medication (§8, CareConnect-GPC-Medication-1): the product, dm+d/SNOMED coded.
CREATE TABLE medication (
    id            uuid         PRIMARY KEY,
    code_system   text         NOT NULL DEFAULT 'http://snomed.info/sct',
    code          varchar(32)  NOT NULL,
    code_display  text         NOT NULL,
    -- the original term when the code is a degraded/transfer code (e.g. 196421000000109 "Actomol")
    code_text     text
);

-- An authorisation (MedicationRequest intent=plan) and the statement that summarises it
-- (MedicationStatement, basedOn -> the plan, 1:1): one row, two resources with their own ids.
CREATE TABLE medication_authorisation (
    id                        uuid         PRIMARY KEY,
    statement_id              uuid         NOT NULL UNIQUE,
    patient_id                varchar(64)  NOT NULL REFERENCES patient (id),
    medication_id             uuid         NOT NULL REFERENCES medication (id),
    status                    varchar(16)  NOT NULL CHECK (status IN ('active', 'completed', 'stopped')),
    statement_status          varchar(16)  NOT NULL CHECK (statement_status IN ('active', 'completed', 'stopped')),
    -- null = not recorded: treated as repeat (§6)
    prescription_type         varchar(24)  CHECK (prescription_type IN ('acute', 'repeat', 'repeat-dispensing', 'delayed-prescribing')),
    prescribing_agency        varchar(40)  NOT NULL CHECK (prescribing_agency IN ('prescribed-at-gp-practice',
                                  'prescribed-by-another-organisation', 'prescribed-by-previous-practice')),
    effective_start           date,
    effective_start_precision varchar(5)   CHECK (effective_start_precision IN ('year', 'month', 'day')),
    effective_end             date,
    effective_end_precision   varchar(5)   CHECK (effective_end_precision IN ('year', 'month', 'day')),
    authored_on               date         NOT NULL,
    date_asserted             date         NOT NULL,
    recorder_id               varchar(64)  NOT NULL REFERENCES practitioner (id),
    dosage_text               text         NOT NULL,
    quantity_value            numeric,
    quantity_unit             text,
    quantity_text             text,
    repeats_allowed           integer      CHECK (repeats_allowed > 0),
    repeats_issued            integer      NOT NULL DEFAULT 0 CHECK (repeats_issued >= 0),
    authorisation_expiry      date,
    last_issue_date           date,
    status_reason_date        date,
    status_reason             text,
    reason_code               varchar(32),
    reason_display            text,
    note                      text,
    confidential              boolean      NOT NULL DEFAULT false,
    awaiting_filing_since     date,
    CHECK (status <> 'stopped' OR status_reason_date IS NOT NULL),
    CHECK ((effective_start IS NULL) = (effective_start_precision IS NULL)),
    CHECK ((effective_end IS NULL) = (effective_end_precision IS NULL))
);
CREATE INDEX medication_authorisation_patient_idx ON medication_authorisation (patient_id);

-- An issue (MedicationRequest intent=order) of an authorisation.
CREATE TABLE medication_issue (
    id                uuid         PRIMARY KEY,
    authorisation_id  uuid         NOT NULL REFERENCES medication_authorisation (id),
    issue_number      integer      NOT NULL CHECK (issue_number > 0),
    status            varchar(16)  NOT NULL CHECK (status IN ('active', 'completed', 'stopped')),
    issue_date        date         NOT NULL,
    validity_end      date,
    recorder_id       varchar(64)  NOT NULL REFERENCES practitioner (id),
    UNIQUE (authorisation_id, issue_number)
);
