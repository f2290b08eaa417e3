-- Foundations data of the practices this deployment serves (foundations.md §9), multi-tenant by ODS code.
-- Every FHIR resource row carries the integer version that becomes meta.versionId / ETag W/"n".

CREATE TABLE organization (
    id            varchar(64)  PRIMARY KEY,            -- FHIR logical id
    ods_code      varchar(20)  NOT NULL,
    name          text         NOT NULL,
    type_code     varchar(32),                         -- GPConnect-OrganisationType-1 (gp-practice, urgent-care, ...)
    address_lines text[]       NOT NULL DEFAULT '{}',
    city          text,
    district      text,
    postal_code   text,
    country       text,
    phone         text,
    version       integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    last_updated  timestamptz  NOT NULL DEFAULT now()
);
-- not unique: the reference data holds two organisations with ODS code R1A14 (testdata organisations.yaml)
CREATE INDEX organization_ods_code_idx ON organization (ods_code);

-- A practice served by this deployment: one Organization, its own time zone and enablement switches
-- (foundations.md §6: all default off).
CREATE TABLE practice (
    ods_code              varchar(20)  PRIMARY KEY,
    organization_id       varchar(64)  NOT NULL REFERENCES organization (id),
    time_zone             varchar(64)  NOT NULL DEFAULT 'Europe/London',
    gp_connect_enabled    boolean      NOT NULL DEFAULT false,
    appointments_enabled  boolean      NOT NULL DEFAULT false
);

CREATE TABLE location (
    id                        varchar(64)  PRIMARY KEY,
    ods_site_code             varchar(20),
    name                      text         NOT NULL,
    status                    varchar(16)  NOT NULL CHECK (status IN ('active', 'suspended', 'inactive')),
    managing_organization_id  varchar(64)  REFERENCES organization (id),
    address_lines             text[]       NOT NULL DEFAULT '{}',
    city                      text,
    district                  text,
    state                     text,
    postal_code               text,
    country                   text,
    phone                     text,
    version                   integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    last_updated              timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE practitioner (
    id               varchar(64)  PRIMARY KEY,
    sds_user_id      varchar(32)  NOT NULL,             -- not unique: the reference data repeats G22222226
    name_prefix      text,
    given_names      text[]       NOT NULL DEFAULT '{}',
    family_name      text,
    gender           varchar(16)  CHECK (gender IN ('male', 'female', 'other', 'unknown')),
    organization_id  varchar(64)  REFERENCES organization (id),
    role_code        varchar(16),                       -- CareConnect-SDSJobRoleName-1
    role_display     text,
    version          integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    last_updated     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX practitioner_sds_user_id_idx ON practitioner (sds_user_id);

CREATE TABLE practitioner_role_profile (
    practitioner_id  varchar(64)  NOT NULL REFERENCES practitioner (id) ON DELETE CASCADE,
    role_profile_id  varchar(32)  NOT NULL,
    PRIMARY KEY (practitioner_id, role_profile_id)
);

CREATE TABLE practitioner_language (
    practitioner_id  varchar(64)  NOT NULL REFERENCES practitioner (id) ON DELETE CASCADE,
    language_code    varchar(16)  NOT NULL,              -- CareConnect-HumanLanguage-1
    language_display text         NOT NULL,
    PRIMARY KEY (practitioner_id, language_code)
);

-- The practice's patient index. Flags drive what Foundations may disclose (foundations.md §9.1,
-- testdata patients.yaml): sensitive and deceased patients are never returned; inactive registrations
-- are not found.
CREATE TABLE patient (
    id                          varchar(64)  PRIMARY KEY,
    practice_ods                varchar(20)  NOT NULL REFERENCES practice (ods_code),
    nhs_number                  char(10)     NOT NULL,
    nhs_number_verified         boolean      NOT NULL DEFAULT true,
    title                       text,
    given_names                 text[]       NOT NULL DEFAULT '{}',
    family_name                 text         NOT NULL,
    birth_date                  date         NOT NULL,
    gender                      varchar(16)  CHECK (gender IN ('male', 'female', 'other', 'unknown')),
    address_lines               text[]       NOT NULL DEFAULT '{}',
    postal_code                 text,
    sensitive                   boolean      NOT NULL DEFAULT false,
    deceased_date               date,
    on_spine                    boolean      NOT NULL DEFAULT true,
    multiple_birth              boolean      NOT NULL DEFAULT false,
    registration_status         varchar(16)  NOT NULL CHECK (registration_status IN ('active', 'inactive')),
    registration_type           varchar(4)   NOT NULL CHECK (registration_type IN ('R', 'E', 'IN', 'T', 'P', 'O', 'S')),
    registration_start          date         NOT NULL,
    registration_end            date,
    preferred_branch_id         varchar(64)  REFERENCES location (id),
    general_practitioner_id     varchar(64)  REFERENCES practitioner (id),
    version                     integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    last_updated                timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (practice_ods, nhs_number)
);

CREATE TABLE patient_telecom (
    patient_id  varchar(64)  NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    position    smallint     NOT NULL,
    system      varchar(16)  NOT NULL CHECK (system IN ('phone', 'fax', 'email', 'pager', 'url', 'sms', 'other')),
    use         varchar(16)  CHECK (use IN ('home', 'work', 'temp', 'old', 'mobile')),
    value       text         NOT NULL,
    PRIMARY KEY (patient_id, position)
);

-- Appointment schedules (GPConnect-Schedule-1) and the practice's slot configuration.
CREATE TABLE schedule (
    id                         varchar(64)  PRIMARY KEY,
    practice_ods               varchar(20)  NOT NULL REFERENCES practice (ods_code),
    identifier                 text,
    service_category_code      varchar(32),
    service_category_display   text,
    practitioner_id            varchar(64)  REFERENCES practitioner (id),
    practitioner_role_code     varchar(16),
    practitioner_role_display  text,
    location_id                varchar(64)  REFERENCES location (id),
    planning_horizon_start     timestamptz,
    planning_horizon_end       timestamptz,
    -- rolling generation: slots exist for days [today + first_day_offset, today + last_day_offset]
    first_day_offset           integer      NOT NULL DEFAULT 1 CHECK (first_day_offset >= 0),
    last_day_offset            integer      NOT NULL DEFAULT 0 CHECK (last_day_offset >= 0),
    version                    integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    last_updated               timestamptz  NOT NULL DEFAULT now()
);

-- A session pattern: on every day of the schedule's rolling window, from start_time to end_time
-- (practice local time), slots of slot_minutes each.
CREATE TABLE slot_session (
    id                   bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    schedule_id          varchar(64)  NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
    start_time           time         NOT NULL,
    end_time             time         NOT NULL,
    slot_minutes         integer      NOT NULL CHECK (slot_minutes BETWEEN 1 AND 480),
    gp_connect_bookable  boolean      NOT NULL,
    delivery_channel     varchar(16)  NOT NULL CHECK (delivery_channel IN ('In-person', 'Telephone', 'Video')),
    service_type         text         NOT NULL,
    restricted_org_ods   varchar(20),                  -- searchFilter: only this organisation may book
    restricted_org_type  varchar(32),                  -- searchFilter: only this organisation type may book
    CHECK (end_time > start_time)
);

CREATE TABLE slot (
    id                   bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    schedule_id          varchar(64)  NOT NULL REFERENCES schedule (id),
    start_at             timestamptz  NOT NULL,
    end_at               timestamptz  NOT NULL,
    status               varchar(16)  NOT NULL CHECK (status IN ('free', 'busy', 'busy-unavailable', 'busy-tentative', 'entered-in-error')),
    gp_connect_bookable  boolean      NOT NULL,
    delivery_channel     varchar(16)  NOT NULL,
    service_type         text         NOT NULL,
    restricted_org_ods   varchar(20),
    restricted_org_type  varchar(32),
    version              integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK (end_at > start_at),
    -- the rolling generator inserts with ON CONFLICT DO NOTHING, so regeneration never touches a slot
    -- (and so never undoes a booking)
    UNIQUE (schedule_id, start_at)
);
CREATE INDEX slot_free_window_idx ON slot (start_at) WHERE status = 'free' AND gp_connect_bookable;
