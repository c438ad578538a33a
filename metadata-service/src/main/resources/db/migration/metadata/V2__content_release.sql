-- The content outbox: content the namespace released (last link of a file removed, file shrunk)
-- that the block-service has not yet deleted or cut. Written in the namespace change's own
-- transaction; a row goes once the block-service applied it. size -1 = delete the payload.
CREATE TABLE content_release (
    payload_id BYTEA  PRIMARY KEY,
    size       BIGINT NOT NULL CHECK (size >= -1)
);
