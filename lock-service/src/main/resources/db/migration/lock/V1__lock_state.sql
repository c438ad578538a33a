-- Durable state of the DittoFS lock-service (one schema per installation): clients, opens,
-- byte-range locks and caching grants, each an opaque record encoded by RecordCodec.
CREATE TABLE lock_record (
    kind  CHAR(1) NOT NULL,
    id    BYTEA   NOT NULL,
    value BYTEA   NOT NULL,
    PRIMARY KEY (kind, id)
);
