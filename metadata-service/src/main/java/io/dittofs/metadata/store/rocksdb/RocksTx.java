package io.dittofs.metadata.store.rocksdb;

import io.dittofs.metadata.spi.DirEntry;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.InodeCodec;
import io.dittofs.metadata.spi.Release;
import io.dittofs.metadata.spi.StoreException;
import io.dittofs.metadata.spi.StoreTx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import io.dittofs.contracts.grpc.NonBlocking;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatchWithIndex;

/**
 * One transaction: reads go to the snapshot (read) or batch-over-database (write). Inodes are
 * read from this transaction's own inode writes, then the store's {@link InodeOverlay}, then
 * RocksDB; a write transaction keeps its inode writes apart (decoded) and the store decides at
 * commit whether they go into the batch or only into the overlay.
 */
final class RocksTx implements StoreTx {

    private final RocksDB db;
    private final ReadOptions ro;
    private final boolean writeTx;
    /** This transaction's writes besides inodes; created by the first (an UNSTABLE WRITE's transaction never needs one). */
    private WriteBatchWithIndex batch;
    private final RocksDbStore store;
    private final InodeOverlay overlay;
    /** This transaction's inode puts and deletes (null value: deleted), in no order; null until the first. */
    private Map<Long, Inode> inodeWrites;
    /** Content-outbox entries this transaction added (+) and removed (-), for the store's count. */
    private long releaseDelta;
    /** Reads limited to memtables and the block cache (NonBlocking): Incomplete means "would block". */
    private final boolean cacheOnly;

    RocksTx(RocksDB db, ReadOptions ro, boolean writeTx, RocksDbStore store, InodeOverlay overlay,
            boolean cacheOnly) {
        this.db = db;
        this.ro = ro;
        this.writeTx = writeTx;
        this.store = store;
        this.overlay = overlay;
        this.cacheOnly = cacheOnly;
    }

    /** The batch of this transaction's writes besides inodes, or null: none yet (write transactions). */
    WriteBatchWithIndex batch() {
        return batch;
    }

    /** The batch, created if there is none yet (the store adds the inodes to it at commit). */
    WriteBatchWithIndex writableBatch() {
        return writable();
    }

    /** Frees the batch's native memory (the store calls it once the transaction is over). */
    void closeBatch() {
        if (batch != null) {
            batch.close();
        }
    }

    /** Outbox entries added minus entries removed by this transaction. */
    long releaseDelta() {
        return releaseDelta;
    }

    /** The inode puts (and deletes: null) of this transaction, for the store to commit. */
    Map<Long, Inode> inodeWrites() {
        return inodeWrites == null ? Collections.emptyMap() : inodeWrites;
    }

    private byte[] get(byte[] key) {
        try {
            // a plain get until there is a batch: the same answer without searching an empty
            // batch's index (most write operations read what they change before changing it)
            return batch == null ? db.get(ro, key) : batch.getFromBatchAndDB(db, ro, key);
        } catch (RocksDBException e) {
            throw readFailure(e);
        }
    }

    private RuntimeException readFailure(RocksDBException e) {
        if (cacheOnly && e.getStatus() != null && e.getStatus().getCode() == Status.Code.Incomplete) {
            return NonBlocking.wouldBlock("RocksDB data not in the block cache");
        }
        return new StoreException("RocksDB read failed: " + e.getMessage(), e);
    }

    /**
     * An iterator limited to the block cache stops (isValid false) where it would need the disk,
     * which looks like the end of the range: its status tells the two apart.
     */
    private void checkEnd(RocksIterator it) {
        if (cacheOnly) {
            try {
                it.status();
            } catch (RocksDBException e) {
                throw readFailure(e);
            }
        }
    }

    private void put(byte[] key, byte[] value) {
        try {
            writable().put(key, value);
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB batch put failed: " + e.getMessage(), e);
        }
    }

    private void delete(byte[] key) {
        try {
            writable().delete(key);
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB batch delete failed: " + e.getMessage(), e);
        }
    }

    private WriteBatchWithIndex writable() {
        requireWriteTx();
        if (batch == null) {
            batch = new WriteBatchWithIndex(true);
        }
        return batch;
    }

    private void requireWriteTx() {
        if (!writeTx) {
            throw new IllegalStateException("write inside a read transaction");
        }
    }

    private void writeInode(long id, Inode inode) {
        requireWriteTx();
        if (inodeWrites == null) {
            inodeWrites = new HashMap<>();
        }
        inodeWrites.put(id, inode);
    }

    private RocksIterator iterator() {
        RocksIterator base = db.newIterator(ro);
        return batch == null ? base : batch.newIteratorWithBase(base);
    }

    @Override
    public Optional<Inode> inode(long id) {
        if (inodeWrites != null && inodeWrites.containsKey(id)) {
            return Optional.ofNullable(inodeWrites.get(id));
        }
        InodeOverlay.Entry e = overlay.get(id);
        if (e != null) {
            return Optional.ofNullable(e.inode());
        }
        byte[] v;
        try {
            // inode keys are never in the batch (the store writes them at commit): no batch search
            v = db.get(ro, Keys.inode(id));
        } catch (RocksDBException ex) {
            throw readFailure(ex);
        }
        if (v == null) {
            return Optional.empty();
        }
        Inode inode = InodeCodec.decode(v);
        overlay.offer(inode);
        return Optional.of(inode);
    }

    @Override
    public void putInode(Inode inode) {
        writeInode(inode.id(), inode);
    }

    @Override
    public void deleteInode(long id) {
        writeInode(id, null);
        for (String name : xattrNames(id)) {
            delete(Keys.xattr(id, name));
        }
    }

    @Override
    public Optional<DirEntry> entry(long dir, String name) {
        byte[] v = get(Keys.entry(dir, name));
        if (v == null) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        return Optional.of(new DirEntry(name, b.getLong(), b.getLong()));
    }

    @Override
    public void putEntry(long dir, DirEntry e) {
        byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
        put(Keys.entry(dir, e.name()), ByteBuffer.allocate(16).putLong(e.child()).putLong(e.cookie()).array());
        put(Keys.cookie(dir, e.cookie()), ByteBuffer.allocate(8 + name.length).putLong(e.child()).put(name).array());
    }

    @Override
    public void deleteEntry(long dir, DirEntry e) {
        delete(Keys.entry(dir, e.name()));
        delete(Keys.cookie(dir, e.cookie()));
    }

    @Override
    public List<DirEntry> entries(long dir, long afterCookie, int limit) {
        List<DirEntry> out = new ArrayList<>();
        byte[] prefix = Keys.prefix(Keys.COOKIE, dir);
        try (RocksIterator it = iterator()) {
            it.seek(Keys.cookie(dir, afterCookie + 1));
            while (it.isValid() && out.size() < limit) {
                byte[] k = it.key();
                if (!Keys.startsWith(k, prefix)) {
                    break;
                }
                long cookie = ByteBuffer.wrap(k, 9, 8).getLong();
                byte[] v = it.value();
                long child = ByteBuffer.wrap(v).getLong();
                out.add(new DirEntry(new String(v, 8, v.length - 8, StandardCharsets.UTF_8), child, cookie));
                it.next();
            }
            checkEnd(it);
        }
        return out;
    }

    @Override
    public Optional<byte[]> xattr(long id, String name) {
        return Optional.ofNullable(get(Keys.xattr(id, name)));
    }

    @Override
    public void putXattr(long id, String name, byte[] value) {
        put(Keys.xattr(id, name), value);
    }

    @Override
    public void deleteXattr(long id, String name) {
        delete(Keys.xattr(id, name));
    }

    @Override
    public List<String> xattrNames(long id) {
        List<String> out = new ArrayList<>();
        byte[] prefix = Keys.prefix(Keys.XATTR, id);
        try (RocksIterator it = iterator()) {
            it.seek(prefix);
            while (it.isValid() && Keys.startsWith(it.key(), prefix)) {
                byte[] k = it.key();
                out.add(new String(Arrays.copyOfRange(k, 9, k.length), StandardCharsets.UTF_8));
                it.next();
            }
            checkEnd(it);
        }
        return out;
    }

    @Override
    public Optional<byte[]> meta(String key) {
        return Optional.ofNullable(get(Keys.meta(key)));
    }

    @Override
    public void putMeta(String key, byte[] value) {
        put(Keys.meta(key), value);
    }

    @Override
    public void deleteMeta(String key) {
        delete(Keys.meta(key));
    }

    @Override
    public Optional<Long> pendingRelease(byte[] payloadId) {
        if (writeTx && store.releaseEntries() + releaseDelta == 0) {
            // the outbox is empty (the store counts its entries exactly under the write lock):
            // the usual answer of every WRITE's growth check, without a RocksDB lookup
            return Optional.empty();
        }
        return Optional.ofNullable(get(Keys.release(payloadId))).map(v -> ByteBuffer.wrap(v).getLong());
    }

    @Override
    public void putRelease(Release release) {
        byte[] key = Keys.release(release.payloadId());
        if (writeTx && get(key) == null) {
            releaseDelta++;
        }
        put(key, ByteBuffer.allocate(8).putLong(release.size()).array());
    }

    @Override
    public void deleteRelease(byte[] payloadId) {
        byte[] key = Keys.release(payloadId);
        if (writeTx && get(key) != null) {
            releaseDelta--;
        }
        delete(key);
    }

    @Override
    public List<Release> releases(int limit) {
        List<Release> out = new ArrayList<>();
        byte[] prefix = {Keys.RELEASE};
        try (RocksIterator it = iterator()) {
            it.seek(prefix);
            while (it.isValid() && out.size() < limit && Keys.startsWith(it.key(), prefix)) {
                byte[] k = it.key();
                out.add(new Release(Arrays.copyOfRange(k, 1, k.length), ByteBuffer.wrap(it.value()).getLong()));
                it.next();
            }
            checkEnd(it);
        }
        return out;
    }

    @Override
    public long allocateId() {
        writable();
        return store.allocateId();
    }
}
