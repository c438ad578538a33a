-- The namespace of the DittoFS metadata-service (one schema per installation).
-- Times are nanoseconds since the Unix epoch; uid/gid/mode hold unsigned 32-bit values as int.
CREATE TABLE inode (
    id             BIGINT   PRIMARY KEY,
    share          INT      NOT NULL,
    generation     INT      NOT NULL,
    type           SMALLINT NOT NULL,
    mode           INT      NOT NULL,
    nlink          INT      NOT NULL,
    uid            INT      NOT NULL,
    gid            INT      NOT NULL,
    size           BIGINT   NOT NULL,
    atime          BIGINT   NOT NULL,
    mtime          BIGINT   NOT NULL,
    ctime          BIGINT   NOT NULL,
    btime          BIGINT   NOT NULL,
    change         BIGINT   NOT NULL,
    payload_id     BYTEA    NOT NULL,
    rdev_major     INT      NOT NULL,
    rdev_minor     INT      NOT NULL,
    target         TEXT     NOT NULL,
    verifier       BYTEA    NOT NULL,
    parent         BIGINT   NOT NULL,
    next_cookie    BIGINT   NOT NULL,
    dos_attributes INT      NOT NULL
);

-- A name in a directory; cookie is the directory's sequence number given at insertion.
CREATE TABLE dirent (
    dir    BIGINT NOT NULL,
    name   TEXT   NOT NULL,
    child  BIGINT NOT NULL,
    cookie BIGINT NOT NULL,
    PRIMARY KEY (dir, name)
);
CREATE UNIQUE INDEX dirent_by_cookie ON dirent (dir, cookie) INCLUDE (name, child);

CREATE TABLE xattr (
    id    BIGINT NOT NULL,
    name  TEXT   NOT NULL,
    value BYTEA  NOT NULL,
    PRIMARY KEY (id, name)
);

CREATE TABLE meta (
    key   TEXT  PRIMARY KEY,
    value BYTEA NOT NULL
);

CREATE SEQUENCE inode_id START WITH 1;
