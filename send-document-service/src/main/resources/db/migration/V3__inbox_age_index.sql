-- send-document-service: the MESH inbox age metric (gpconnect_send_document_mesh_inbox_oldest_age_seconds)
-- reads the oldest message not yet finished per mailbox every 30 s on every replica; this partial index
-- keeps that a lookup of the few open messages rather than a scan of every message ever received.
CREATE INDEX mesh_inbound_open_idx ON mesh_inbound_message (mailbox_id, first_seen_at)
    WHERE status IN ('RECEIVING', 'PROCESSED');
