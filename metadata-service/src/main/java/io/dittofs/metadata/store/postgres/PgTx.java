package io.dittofs.metadata.store.postgres;

import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.Listed;
import io.dittofs.metadata.spi.Release;
import io.dittofs.metadata.spi.StoreTx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One JDBC transaction; plain prepared statements on the hot path. */
final class PgTx implements StoreTx {

    /** Carries an SQLException out of the StoreTx methods so the store can retry or report it. */
    static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private static final String INODE_COLUMNS = "id, share, generation, type, mode, nlink, uid, gid, size, atime, mtime,"
            + " ctime, btime, change, payload_id, rdev_major, rdev_minor, target, verifier, parent, next_cookie, dos_attributes, acl";
    private static final String JOINED_INODE_COLUMNS = "i." + INODE_COLUMNS.replace(", ", ", i.");

    private final Connection c;
    private final boolean readOnly;

    PgTx(Connection c, boolean readOnly) {
        this.c = c;
        this.readOnly = readOnly;
    }

    @FunctionalInterface
    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Sql<T> s) {
        try {
            return s.run();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private void writable() {
        if (readOnly) {
            throw new IllegalStateException("write inside a read transaction");
        }
    }

    private int update(String statement, Object... args) {
        writable();
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] == null) {
                        ps.setNull(i + 1, java.sql.Types.BINARY); // the only nullable column: acl
                    } else {
                        ps.setObject(i + 1, args[i]);
                    }
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Inode> inode(long id) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + INODE_COLUMNS + " FROM inode WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(inode(rs, 0)) : Optional.empty();
                }
            }
        });
    }

    private static Inode inode(ResultSet rs, int o) throws SQLException {
        Inode.Edit e = new Inode.Edit();
        e.id = rs.getLong(o + 1);
        e.share = rs.getInt(o + 2);
        e.generation = rs.getInt(o + 3);
        e.type = FileType.forNumber(rs.getShort(o + 4));
        if (e.type == null) {
            throw new SQLException("unknown file type " + rs.getShort(o + 4) + " in inode " + e.id);
        }
        e.mode = rs.getInt(o + 5);
        e.nlink = rs.getInt(o + 6);
        e.uid = rs.getInt(o + 7);
        e.gid = rs.getInt(o + 8);
        e.size = rs.getLong(o + 9);
        e.atime = rs.getLong(o + 10);
        e.mtime = rs.getLong(o + 11);
        e.ctime = rs.getLong(o + 12);
        e.btime = rs.getLong(o + 13);
        e.change = rs.getLong(o + 14);
        e.payloadId = rs.getBytes(o + 15);
        e.rdevMajor = rs.getInt(o + 16);
        e.rdevMinor = rs.getInt(o + 17);
        e.target = rs.getString(o + 18);
        e.verifier = rs.getBytes(o + 19);
        e.parent = rs.getLong(o + 20);
        e.nextCookie = rs.getLong(o + 21);
        e.dosAttributes = rs.getInt(o + 22);
        byte[] acl = rs.getBytes(o + 23);
        if (acl != null) {
            try {
                e.acl = io.dittofs.contracts.common.v1.Acl.parseFrom(acl);
            } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                throw new SQLException("bad ACL in inode " + e.id, ex);
            }
        }
        return e.build();
    }

    @Override
    public void putInode(Inode i) {
        update("INSERT INTO inode (" + INODE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                        + " ON CONFLICT (id) DO UPDATE SET share = EXCLUDED.share, generation = EXCLUDED.generation,"
                        + " type = EXCLUDED.type, mode = EXCLUDED.mode, nlink = EXCLUDED.nlink, uid = EXCLUDED.uid,"
                        + " gid = EXCLUDED.gid, size = EXCLUDED.size, atime = EXCLUDED.atime, mtime = EXCLUDED.mtime,"
                        + " ctime = EXCLUDED.ctime, btime = EXCLUDED.btime, change = EXCLUDED.change,"
                        + " payload_id = EXCLUDED.payload_id, rdev_major = EXCLUDED.rdev_major,"
                        + " rdev_minor = EXCLUDED.rdev_minor, target = EXCLUDED.target, verifier = EXCLUDED.verifier,"
                        + " parent = EXCLUDED.parent, next_cookie = EXCLUDED.next_cookie,"
                        + " dos_attributes = EXCLUDED.dos_attributes, acl = EXCLUDED.acl",
                i.id(), i.share(), i.generation(), (short) i.type().getNumber(), i.mode(), i.nlink(), i.uid(), i.gid(),
                i.size(), i.atime(), i.mtime(), i.ctime(), i.btime(), i.change(), i.payloadId(), i.rdevMajor(),
                i.rdevMinor(), i.target(), i.verifier(), i.parent(), i.nextCookie(), i.dosAttributes(),
                i.acl() == null ? null : i.acl().toByteArray());
    }

    @Override
    public void deleteInode(long id) {
        update("DELETE FROM xattr WHERE id = ?", id);
        update("DELETE FROM inode WHERE id = ?", id);
    }

    @Override
    public Optional<DirEntry> entry(long dir, String name) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT child, cookie FROM dirent WHERE dir = ? AND name = ?")) {
                ps.setLong(1, dir);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new DirEntry(name, rs.getLong(1), rs.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putEntry(long dir, DirEntry e) {
        update("INSERT INTO dirent (dir, name, child, cookie) VALUES (?,?,?,?)"
                + " ON CONFLICT (dir, name) DO UPDATE SET child = EXCLUDED.child, cookie = EXCLUDED.cookie",
                dir, e.name(), e.child(), e.cookie());
    }

    @Override
    public void deleteEntry(long dir, DirEntry e) {
        update("DELETE FROM dirent WHERE dir = ? AND name = ?", dir, e.name());
    }

    @Override
    public List<DirEntry> entries(long dir, long afterCookie, int limit) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, child, cookie FROM dirent WHERE dir = ? AND cookie > ? ORDER BY cookie LIMIT ?")) {
                ps.setLong(1, dir);
                ps.setLong(2, afterCookie);
                ps.setInt(3, limit);
                List<DirEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DirEntry(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                    }
                }
                return out;
            }
        });
    }

    /** One query for a READDIRPLUS page instead of one per entry. */
    @Override
    public List<Listed> entriesWithInodes(long dir, long afterCookie, int limit) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.name, d.child, d.cookie, " + JOINED_INODE_COLUMNS
                    + " FROM dirent d LEFT JOIN inode i ON i.id = d.child"
                    + " WHERE d.dir = ? AND d.cookie > ? ORDER BY d.cookie LIMIT ?")) {
                ps.setLong(1, dir);
                ps.setLong(2, afterCookie);
                ps.setInt(3, limit);
                List<Listed> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        DirEntry e = new DirEntry(rs.getString(1), rs.getLong(2), rs.getLong(3));
                        rs.getLong(4);
                        out.add(new Listed(e, rs.wasNull() ? null : inode(rs, 3)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<byte[]> xattr(long id, String name) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM xattr WHERE id = ? AND name = ?")) {
                ps.setLong(1, id);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putXattr(long id, String name, byte[] value) {
        update("INSERT INTO xattr (id, name, value) VALUES (?,?,?) ON CONFLICT (id, name) DO UPDATE SET value = EXCLUDED.value",
                id, name, value);
    }

    @Override
    public void deleteXattr(long id, String name) {
        update("DELETE FROM xattr WHERE id = ? AND name = ?", id, name);
    }

    @Override
    public List<String> xattrNames(long id) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM xattr WHERE id = ? ORDER BY name COLLATE \"C\"")) {
                ps.setLong(1, id);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<byte[]> meta(String key) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putMeta(String key, byte[] value) {
        update("INSERT INTO meta (key, value) VALUES (?,?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", key, value);
    }

    @Override
    public void deleteMeta(String key) {
        update("DELETE FROM meta WHERE key = ?", key);
    }

    @Override
    public Optional<Long> pendingRelease(byte[] payloadId) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT size FROM content_release WHERE payload_id = ?")) {
                ps.setBytes(1, payloadId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putRelease(Release r) {
        update("INSERT INTO content_release (payload_id, size) VALUES (?,?)"
                + " ON CONFLICT (payload_id) DO UPDATE SET size = EXCLUDED.size", r.payloadId(), r.size());
    }

    @Override
    public void deleteRelease(byte[] payloadId) {
        update("DELETE FROM content_release WHERE payload_id = ?", (Object) payloadId);
    }

    @Override
    public List<Release> releases(int limit) {
        return sql(() -> {
            // bytea compares as unsigned bytes, the order the other stores list in
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT payload_id, size FROM content_release ORDER BY payload_id LIMIT ?")) {
                ps.setInt(1, limit);
                List<Release> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Release(rs.getBytes(1), rs.getLong(2)));
                    }
                }
                return out;
            }
        });
    }

    /** Gives the transaction an id, so that its commit writes a record and (synchronously) flushes the WAL. */
    void assignTransactionId() {
        writable();
        sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT txid_current()"); ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public long allocateId() {
        writable();
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT nextval('inode_id')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
