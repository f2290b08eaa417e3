-- Register patient (foundations.md §9.2): temporary registrations made through GP Connect store what the
-- request sent (must-support data is stored and returned later, §4), and who registered whom
-- (security-and-audit.md §3.3).

-- the home address's other parts (the seed data keeps town and county in the lines), a temporary address that ends
-- with the temporary registration, and the NHS communication (language, interpreter)
ALTER TABLE patient
    ADD COLUMN address_city                  text,
    ADD COLUMN address_district              text,
    ADD COLUMN address_country               text,
    ADD COLUMN temp_address_lines            text[],
    ADD COLUMN temp_address_city             text,
    ADD COLUMN temp_address_district         text,
    ADD COLUMN temp_postal_code              text,
    ADD COLUMN temp_address_country          text,
    ADD COLUMN temp_address_end              date,
    ADD COLUMN communication_language_code   varchar(16),
    ADD COLUMN communication_language_display text,
    ADD COLUMN interpreter_required          boolean;

-- a temporary phone number ends with the temporary registration
ALTER TABLE patient_telecom ADD COLUMN period_end date;

-- Provenance of every registration made through the API: one row per patient version it produced, saying what
-- was done (a new temporary registration, or an inactive record re-activated as temporary), when, through which
-- interaction and trace, by which consumer system, organisation and practitioner, and which PDS record version
-- the demographics were verified against. The UNIQUE (practice_ods, nhs_number) of patient is what makes two
-- concurrent registrations of one NHS number create one patient.
CREATE TABLE patient_provenance (
    patient_id                        varchar(64)  NOT NULL REFERENCES patient (id),
    version                           integer      NOT NULL,
    activity                          varchar(16)  NOT NULL CHECK (activity IN ('registered', 'reactivated')),
    recorded_at                       timestamptz  NOT NULL,
    interaction_id                    text,
    trace_id                          text,
    consumer_asid                     varchar(20),
    organization_ods                  varchar(20),
    organization_name                 text,
    practitioner_id                   text,
    practitioner_sds_user_id          text,
    practitioner_sds_role_profile_id  text,
    practitioner_name                 text,
    pds_version_id                    text,
    PRIMARY KEY (patient_id, version)
);
