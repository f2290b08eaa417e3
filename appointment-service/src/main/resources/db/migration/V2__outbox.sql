-- Transactional outbox (org.gpconnect.common.outbox): events written in the same transaction as the
-- change they announce, published to Kafka by the relay.
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
