-- send-document-service: the practices whose MESH mailboxes it reads and the registered-patient index
-- it matches incoming documents against (send-document.md: NHS number + date of birth + surname).
-- MESH message handling (inbox, documents, acknowledgements) is added by later migrations.

CREATE TABLE practice (
    ods_code         varchar(20)  PRIMARY KEY,
    name             text         NOT NULL,
    mesh_mailbox_id  varchar(32)
);

CREATE TABLE registered_patient (
    practice_ods   varchar(20)  NOT NULL REFERENCES practice (ods_code),
    nhs_number     char(10)     NOT NULL,
    family_name    text         NOT NULL,
    given_names    text[]       NOT NULL DEFAULT '{}',
    birth_date     date         NOT NULL,
    active         boolean      NOT NULL DEFAULT true,
    PRIMARY KEY (practice_ods, nhs_number)
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
