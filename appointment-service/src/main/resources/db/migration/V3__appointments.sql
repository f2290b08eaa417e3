-- The practices' appointment books (appointment-management.md §4 to §9).
--
-- An appointment holds its slots through appointment_slot. Booking marks the slots busy with a conditional
-- update (only rows still 'free') in the same transaction that inserts the appointment; the partial unique
-- index below is the second guarantee: whatever the code does, the database cannot commit two appointments
-- holding one slot.

-- Where a practice's visit appointments take place, as GP Connect shows it: an "unknown" Location
-- (appointment-management.md §9). Null when the practice records no visits.
ALTER TABLE practice ADD COLUMN visit_location_id varchar(64) REFERENCES location (id);

CREATE TABLE appointment (
    id                         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- FHIR logical id
    practice_ods               varchar(20)  NOT NULL REFERENCES practice (ods_code),
    -- booking channel: 'gp-connect' (booked through the API) or 'practice' (booked in the practice's own
    -- system); reads and searches return both (§5, §8)
    origin                     varchar(16)  NOT NULL CHECK (origin IN ('gp-connect', 'practice')),
    status                     varchar(16)  NOT NULL CHECK (status IN ('proposed', 'pending', 'booked', 'arrived',
                                                                       'fulfilled', 'cancelled', 'noshow', 'entered-in-error')),
    patient_id                 varchar(64)  NOT NULL REFERENCES patient (id),
    -- what the appointment is, as booked: copied from its slots and their schedule, so a later change to the
    -- schedule (another practitioner, a renamed session) does not rewrite existing appointments
    schedule_id                varchar(64)  REFERENCES schedule (id),
    location_id                varchar(64)  REFERENCES location (id),
    practitioner_id            varchar(64)  REFERENCES practitioner (id),
    practitioner_role_code     varchar(16),                     -- CareConnect-SDSJobRoleName-1
    practitioner_role_display  text,
    delivery_channel           varchar(16)  NOT NULL,           -- In-person, Telephone, Video or Visit
    service_type               text,                            -- the practice's slot type
    service_category           text,                            -- the schedule type / session name
    start_at                   timestamptz  NOT NULL,
    end_at                     timestamptz  NOT NULL,
    -- the slots in time order, as Appointment.slot lists them; GP Connect never moves an appointment to other
    -- slots (a reschedule is cancel + book), so this never changes after booking
    slot_ids                   bigint[]     NOT NULL DEFAULT '{}',
    description                text         NOT NULL,
    comment                    text,
    created                    timestamptz  NOT NULL,           -- Appointment.created
    -- business identifiers sent by the booking system, pairwise (system, value)
    identifier_systems         text[]       NOT NULL DEFAULT '{}',
    identifier_values          text[]       NOT NULL DEFAULT '{}',
    -- the booking organisation (the contained Organization, must-support): stored as received (FHIR JSON,
    -- returned in every later read) and its key facts as columns for events and queries
    booking_org_resource       text,
    booking_org_ods            varchar(20),
    booking_org_name           text,
    booking_org_telecom        text,
    booking_org_type           varchar(32),
    cancellation_reason        text,
    version                    integer      NOT NULL DEFAULT 1 CHECK (version > 0),
    last_updated               timestamptz  NOT NULL DEFAULT now(),
    CHECK (end_at > start_at),
    CHECK (cardinality(identifier_systems) = cardinality(identifier_values))
);
-- a patient's appointments by date (§8) and a practice's book by date
CREATE INDEX appointment_patient_start_idx ON appointment (patient_id, start_at);
CREATE INDEX appointment_practice_start_idx ON appointment (practice_ods, start_at);

-- Which appointment holds which slot. released_at is set when the appointment lets its slots go (cancel).
CREATE TABLE appointment_slot (
    appointment_id  bigint       NOT NULL REFERENCES appointment (id),
    slot_id         bigint       NOT NULL REFERENCES slot (id),
    released_at     timestamptz,
    PRIMARY KEY (appointment_id, slot_id)
);
-- at most one appointment holds a slot at any time
CREATE UNIQUE INDEX appointment_slot_one_holder_idx ON appointment_slot (slot_id) WHERE released_at IS NULL;

-- Provenance of every change made to an appointment (security-and-audit.md §3.3): one row per version, saying
-- what was done, when (to the second), through which interaction and request, and by whom: the consumer
-- system (ASID), its organisation and the practitioner (author) as the gateway validated them. Changes made in
-- the practice's own system have no GP Connect request: their interaction and consumer columns are null.
CREATE TABLE appointment_provenance (
    appointment_id                    bigint       NOT NULL REFERENCES appointment (id),
    version                           integer      NOT NULL,
    activity                          varchar(16)  NOT NULL CHECK (activity IN ('booked', 'amended', 'cancelled')),
    recorded_at                       timestamptz  NOT NULL,
    origin                            varchar(16)  NOT NULL CHECK (origin IN ('gp-connect', 'practice')),
    interaction_id                    text,
    trace_id                          text,
    consumer_asid                     varchar(20),
    organization_ods                  varchar(20),
    organization_name                 text,
    practitioner_id                   text,          -- the author's id in the consumer system (JWT sub)
    practitioner_sds_user_id          text,
    practitioner_sds_role_profile_id  text,
    practitioner_name                 text,
    PRIMARY KEY (appointment_id, version)
);
