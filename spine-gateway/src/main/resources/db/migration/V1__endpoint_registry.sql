-- The SDS-like endpoint registry (foundations.md §1, §2.2, §11): which provider service root URLs this
-- deployment answers, the practice (ODS) and provider ASID behind each, and the capabilities served there.
-- Operators change rows at run time; the gateway reloads them without a restart.
CREATE TABLE provider_endpoint (
    service_root   text         PRIMARY KEY CHECK (service_root ~ '^/[A-Z0-9]+/(STU3|DSTU2)/[0-9]+(/[A-Za-z0-9._-]+)+$'),
    ods_code       varchar(20)  NOT NULL,
    provider_asid  varchar(12)  NOT NULL CHECK (provider_asid ~ '^[0-9]{12}$'),
    capabilities   text[]       NOT NULL CHECK (cardinality(capabilities) > 0),
    enabled        boolean      NOT NULL DEFAULT true,
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (split_part(service_root, '/', 2) = ods_code)
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
