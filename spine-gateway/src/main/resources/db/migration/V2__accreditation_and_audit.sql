-- The SSP's accreditation data (foundations.md §2.2): which consumer systems (ASIDs) may send which
-- interactions, and which consumer may send which capability to which practice (the data-sharing, or
-- "FoT", agreement). Receiver accreditation comes from provider_endpoint.capabilities.
CREATE TABLE consumer_system (
    asid      varchar(12)  PRIMARY KEY CHECK (asid ~ '^[0-9]{12}$'),
    name      text         NOT NULL,
    ods_code  varchar(20),
    enabled   boolean      NOT NULL DEFAULT true
);

CREATE TABLE consumer_accreditation (
    consumer_asid   varchar(12)  NOT NULL REFERENCES consumer_system (asid) ON DELETE CASCADE,
    interaction_id  text         NOT NULL CHECK (interaction_id LIKE 'urn:nhs:names:services:gpconnect:%'),
    PRIMARY KEY (consumer_asid, interaction_id)
);

CREATE TABLE sharing_agreement (
    consumer_asid  varchar(12)  NOT NULL REFERENCES consumer_system (asid) ON DELETE CASCADE,
    provider_ods   varchar(20)  NOT NULL,
    capability     varchar(40)  NOT NULL,
    PRIMARY KEY (consumer_asid, provider_ods, capability)
);

-- One row per consumer request, rejected ones included (security-and-audit.md §3): kept here for the
-- operators' audit queries and published to Kafka gpconnect.audit.v1 through the outbox.
CREATE TABLE audit_record (
    id                          uuid         PRIMARY KEY,
    recorded_at                 timestamptz  NOT NULL,
    trace_id                    text,
    interaction_id              text,
    consumer_asid               text,
    provider_asid               text,
    target_ods                  text,
    requesting_organization_ods text,
    practitioner_id             text,
    practitioner_sds_user_id    text,
    practitioner_role_profile   text,
    device                      text,
    patient_nhs_number          text,
    http_method                 text         NOT NULL,
    request_path                text         NOT NULL,
    http_status                 integer      NOT NULL,
    outcome_code                text,
    latency_ms                  integer      NOT NULL
);
CREATE INDEX audit_record_trace_idx ON audit_record (trace_id);
CREATE INDEX audit_record_patient_idx ON audit_record (patient_nhs_number, recorded_at) WHERE patient_nhs_number IS NOT NULL;
CREATE INDEX audit_record_consumer_idx ON audit_record (consumer_asid, recorded_at);
CREATE INDEX audit_record_time_idx ON audit_record (recorded_at);
