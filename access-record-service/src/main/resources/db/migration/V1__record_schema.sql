-- The patients whose records this service shares (Access Record Structured and HTML), with the flags
-- that decide whether a record may be shared at all (access-record-structured.md §9, patients.yaml).
-- The clinical record itself (allergies, medications, problems, ...) is added by later migrations.

CREATE TABLE practice (
    ods_code             varchar(20)  PRIMARY KEY,
    name                 text         NOT NULL,
    gp_connect_enabled   boolean      NOT NULL DEFAULT false,
    structured_enabled   boolean      NOT NULL DEFAULT false,
    html_enabled         boolean      NOT NULL DEFAULT false
);

CREATE TABLE patient (
    id                     varchar(64)  PRIMARY KEY,
    practice_ods           varchar(20)  NOT NULL REFERENCES practice (ods_code),
    nhs_number             char(10)     NOT NULL,
    nhs_number_verified    boolean      NOT NULL DEFAULT true,
    superseded_nhs_number  boolean      NOT NULL DEFAULT false,
    title                  text,
    given_names            text[]       NOT NULL DEFAULT '{}',
    family_name            text         NOT NULL,
    birth_date             date         NOT NULL,
    gender                 varchar(16)  CHECK (gender IN ('male', 'female', 'other', 'unknown')),
    address_lines          text[]       NOT NULL DEFAULT '{}',
    postal_code            text,
    phone_home             text,
    phone_mobile           text,
    sensitive              boolean      NOT NULL DEFAULT false,
    deceased_date          date,
    on_spine               boolean      NOT NULL DEFAULT true,
    consent_to_share       boolean      NOT NULL DEFAULT true,   -- false: dissent, 403 NO_PATIENT_CONSENT
    multiple_birth         boolean      NOT NULL DEFAULT false,
    merged_record          boolean      NOT NULL DEFAULT false,
    record_in_transit      boolean      NOT NULL DEFAULT false,  -- data-in-transit warnings
    registration_status    varchar(16)  NOT NULL CHECK (registration_status IN ('active', 'inactive')),
    registration_type      varchar(4)   NOT NULL DEFAULT 'R',
    registration_start     date         NOT NULL,
    version                integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    last_updated           timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (practice_ods, nhs_number)
);

CREATE TABLE outbox_event (
    id            bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic         varchar(249)  NOT NULL,
    event_key     text          NOT NULL,
    event_type    varchar(64)   NOT NULL,
    payload       text          NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (id) WHERE published_at IS NULL;
