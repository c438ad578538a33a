package io.dittofs.metadata.store.rocksdb;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.StoreException;
import io.dittofs.metadata.spi.StoreTx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.rocksdb.Options;
import io.dittofs.contracts.grpc.NonBlocking;
import io.dittofs.metadata.spi.Inode;
import io.dittofs.metadata.spi.InodeCodec;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ReadOptions;
import org.rocksdb.ReadTier;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default. Each write operation collects its changes in one WriteBatch (indexed, so
 * it reads its own writes) and commits it with a single atomic write: a process death leaves the
 * operation either fully applied or not at all (the WAL replays whole batches). Writers are
 * serialised by a lock in this process (RocksDB's own lock keeps other processes out); readers
 * use a snapshot so they never see half of a commit.
 *
 * <p>Durability is group-committed: the batch goes into RocksDB's in-memory WAL buffer under the
 * write lock (manual WAL flush, microseconds), and a durable write then waits, outside the lock,
 * for one {@code flushWal(sync)} shared with every writer that committed meanwhile
 * ({@link GroupCommit}): one write and one fsync for the whole group. A deferred write
 * ({@link #writeDeferred}) skips the wait: it reaches the disk with the next flush anyone runs, at
 * the latest the next {@link #sync}, and a process death before that loses it (whole batches only,
 * never half of one). Other clients may see a change shortly before it is durable (as with any
 * group commit).
 *
 * <p>A deferred write that only puts inodes (an UNSTABLE WRITE's size and times) does not even
 * reach RocksDB: its inodes wait, decoded, in the {@link InodeOverlay}, which every transaction
 * reads before RocksDB. They are written in one batch by {@link #sync} (then synced with it), by
 * {@link #close}, or when more than {@code maxDirty} are waiting (no sync); a durable write does
 * not write them. A process death loses them, as it loses any deferred write not yet synced.
 *
 * <p>Point lookups skip files that cannot hold the key: a bloom filter per SST file and one over
 * each memtable (absent names at LOOKUP and CREATE, the content outbox's usual "no entry").
 *
 * <p>Asynchronous namespace commits (opt-in, {@code asyncNamespace} not null; knfsd's
 * {@code async}): {@link #writeNamespace} hands its batch to the OS ({@code flushWal(false)}: a
 * write, no fsync) before returning, so a process death loses nothing, and a timer runs one
 * group-committed sync at most {@code asyncNamespace} later, so a power failure loses at most the
 * namespace changes acknowledged in that window (whole batches, in commit order: the store comes
 * back as it was at one moment). COMMIT, FILE_SYNC writes and every {@link #write} still wait
 * for a sync, which covers every earlier namespace change too.
 */
public final class RocksDbStore implements MetadataStore {

    private static final Logger log = LoggerFactory.getLogger(RocksDbStore.class);
    static final String NEXT_ID = "next-inode-id";

    static {
        RocksDB.loadLibrary();
    }

    /** Dirty inodes beyond which a deferred write flushes the overlay (about 1 MiB of inodes). */
    static final int OVERLAY_MAX_DIRTY = 4096;
    /** Overlay entries (written and read inodes) at which clean ones are evicted: ~15 MiB of inodes. */
    static final int OVERLAY_MAX_ENTRIES = 65_536;

    private final Path path;
    private final BloomFilter bloom;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions writeOptions;
    /** The write transactions' reads (latest state, no snapshot): one object, used under the write lock. */
    private final ReadOptions writeReads = new ReadOptions();
    /** The same for a deferred write under {@link NonBlocking}: memtables and block cache only. */
    private final ReadOptions writeReadsCacheOnly = new ReadOptions().setReadTier(ReadTier.BLOCK_CACHE_TIER);
    private final boolean sync;
    private final GroupCommit commits;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Duration asyncNamespace;
    private final ScheduledExecutorService syncTimer;
    private final AtomicBoolean syncScheduled = new AtomicBoolean();
    private final InodeOverlay overlay;
    private long nextId;
    /** Entries in the content outbox ('R' keys), exact; read and changed under the write lock. */
    private long releaseEntries;

    /**
     * @param sync fsync the WAL on every commit (survives power loss, not only process death)
     */
    public RocksDbStore(Path path, boolean sync) {
        this(path, sync, null);
    }

    /**
     * @param asyncNamespace null: namespace changes are durable before the reply (the default);
     *                       otherwise the longest a namespace change stays acknowledged but not
     *                       yet synced (see the class comment)
     */
    public RocksDbStore(Path path, boolean sync, Duration asyncNamespace) {
        this(path, sync, asyncNamespace, OVERLAY_MAX_DIRTY, OVERLAY_MAX_ENTRIES);
    }

    /** With the overlay's bounds (tests use small ones). */
    RocksDbStore(Path path, boolean sync, Duration asyncNamespace, int overlayMaxDirty, int overlayMaxEntries) {
        this.overlay = new InodeOverlay(overlayMaxDirty, overlayMaxEntries);
        if (asyncNamespace != null && (asyncNamespace.isNegative() || asyncNamespace.isZero())) {
            throw new IllegalArgumentException("async namespace delay must be positive: " + asyncNamespace);
        }
        this.path = path;
        this.sync = sync;
        this.asyncNamespace = asyncNamespace;
        this.syncTimer = asyncNamespace == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metadata-namespace-sync");
            t.setDaemon(true);
            return t;
        });
        bloom = new BloomFilter(10); // about 1 % false positives at 10 bits per key
        try {
            Files.createDirectories(path);
            // the WAL is written to the OS only by GroupCommit's flushWal: a deferred write costs no
            // system call, and a durable one shares its write and fsync with every concurrent writer
            options = new Options().setCreateIfMissing(true).setManualWalFlush(true)
                    // point lookups of absent keys (LOOKUP/CREATE of a new name, the outbox's
                    // pendingRelease on every WRITE) skip every SST file and memtable whose
                    // filter rules the key out instead of searching it
                    .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloom))
                    .setOptimizeFiltersForHits(false)
                    .setMemtablePrefixBloomSizeRatio(0.05)
                    .setMemtableWholeKeyFiltering(true);
            db = RocksDB.open(options, path.toString());
            // never sync under the write lock: GroupCommit syncs the WAL once for many writers
            writeOptions = new WriteOptions().setSync(false);
            byte[] v = db.get(Keys.meta(NEXT_ID));
            nextId = v == null ? 1 : ByteBuffer.wrap(v).getLong();
            releaseEntries = countReleases();
        } catch (IOException | RocksDBException e) {
            throw new StoreException("cannot open RocksDB metadata store at " + path + ": " + e.getMessage(), e);
        }
        // sync=false still hands the WAL to the OS (survives a process death, not a power failure)
        commits = new GroupCommit(() -> db.flushWal(sync));
        log.info("RocksDB metadata store at {} (sync={}, namespace changes {})", path, sync,
                asyncNamespace == null ? "durable before the reply" : "synced within " + asyncNamespace + " (async)");
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        // registered before the snapshot: the overlay keeps what this snapshot may lack until we exit
        int reader = overlay.enter();
        try {
            Snapshot snapshot = db.getSnapshot();
            boolean cacheOnly = NonBlocking.active();
            try (ReadOptions ro = new ReadOptions().setSnapshot(snapshot)) {
                if (cacheOnly) {
                    // memtables and the block cache only: a read that needs the disk fails (Incomplete)
                    // instead of waiting for it, and RocksTx turns that into NonBlocking.WouldBlock
                    ro.setReadTier(ReadTier.BLOCK_CACHE_TIER);
                }
                return work.apply(new RocksTx(db, ro, false, this, overlay, cacheOnly));
            } finally {
                db.releaseSnapshot(snapshot);
            }
        } finally {
            overlay.exit(reader);
            if (overlay.full() && writeLock.tryLock()) {
                // a read-only workload fills the overlay with offers; room is made under the write
                // lock, and only when no writer holds it (a writer's commit evicts anyway)
                try {
                    overlay.evictIfFull();
                } finally {
                    writeLock.unlock();
                }
            }
        }
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        return write(work, true, false);
    }

    @Override
    public <T> T writeDeferred(Function<StoreTx, T> work) {
        if (NonBlocking.active()) {
            return writeDeferredWithoutWaiting(work);
        }
        return write(work, false, true);
    }

    /**
     * A deferred write on a thread that must not wait (an event loop answering an UNSTABLE WRITE):
     * it goes ahead only if it needs nothing but memory — the write lock free now, its reads in
     * memtables or the block cache, and its result inode puts the overlay takes without a flush.
     * Anything else throws {@link NonBlocking#wouldBlock} with nothing changed: the transaction's
     * writes are still its own until the overlay takes them, which is the last step.
     */
    private <T> T writeDeferredWithoutWaiting(Function<StoreTx, T> work) {
        if (overlay.overBound() || !writeLock.tryLock()) {
            throw NonBlocking.wouldBlock("RocksDB store busy or its inode overlay due for a flush");
        }
        long idBefore = nextId;
        RocksTx tx = new RocksTx(db, writeReadsCacheOnly, true, this, overlay, true);
        try {
            T result = work.apply(tx);
            Map<Long, Inode> inodes = tx.inodeWrites();
            boolean others = tx.batch() != null && tx.batch().count() > 0;
            if (nextId != idBefore || others || inodes.containsValue(null)) {
                throw NonBlocking.wouldBlock("a deferred write that must reach RocksDB");
            }
            inodes.values().forEach(overlay::putDirty);
            return result;
        } finally {
            tx.closeBatch();
            writeLock.unlock();
        }
    }

    @Override
    public <T> T writeNamespace(Function<StoreTx, T> work) {
        if (asyncNamespace == null) {
            return write(work, true, false);
        }
        // never into the overlay: a process death must not lose an answered namespace change
        T result = write(work, false, false);
        try {
            // in the OS now: a death of this process no longer loses it; the timer syncs it
            db.flushWal(false);
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB WAL write failed: " + e.getMessage(), e);
        }
        scheduleSync();
        return result;
    }

    @Override
    public void syncNamespace() {
        if (asyncNamespace != null) {
            sync();
        }
    }

    private void scheduleSync() {
        if (syncScheduled.compareAndSet(false, true)) {
            syncTimer.schedule(() -> {
                // cleared before reading the latest append: a change committed meanwhile either
                // is covered by this sync or schedules the next one
                syncScheduled.set(false);
                try {
                    awaitDurable(commits.latest());
                } catch (StoreException e) {
                    log.error("background sync of namespace changes failed: {}", e.getMessage(), e);
                }
            }, asyncNamespace.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void sync() {
        if (NonBlocking.active()) {
            throw NonBlocking.wouldBlock("sync under the non-blocking mode");
        }
        long number;
        writeLock.lock();
        try {
            flushOverlay();
            number = commits.latest();
        } finally {
            writeLock.unlock();
        }
        awaitDurable(number);
    }

    /** Writes the overlay's dirty inodes in one batch (no sync). Write lock. */
    private void flushOverlay() {
        if (overlay.dirtyCount() == 0) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Inode i : overlay.dirtyInodes()) {
                batch.put(Keys.inode(i.id()), InodeCodec.encode(i));
            }
            db.write(writeOptions, batch);
            commits.appended();
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB write of deferred inodes failed: " + e.getMessage(), e);
        }
        overlay.flushed();
    }

    /** Overlay size and dirty entries (tests). */
    int overlaySize() {
        return overlay.size();
    }

    int overlayDirty() {
        return overlay.dirtyCount();
    }

    /** RocksDB's latest sequence number: it moves with every write that reaches RocksDB (tests). */
    long latestSequence() {
        return db.getLatestSequenceNumber();
    }

    /** WAL syncs run so far (tests: concurrent writers share them). */
    public long walSyncs() {
        return commits.syncs();
    }

    /**
     * @param overlay whether an inode-only transaction may leave its inodes in the overlay
     *                (deferred writes only: nothing of it reaches the OS before the next flush)
     */
    private <T> T write(Function<StoreTx, T> work, boolean durable, boolean overlayOk) {
        if (NonBlocking.active()) {
            // the write lock is held across WAL writes, and durable writes wait for an fsync
            throw NonBlocking.wouldBlock("write under the non-blocking mode");
        }
        T result;
        long number;
        writeLock.lock();
        long idBefore = nextId;
        RocksTx tx = new RocksTx(db, writeReads, true, this, overlay, false);
        try {
            result = work.apply(tx);
            Map<Long, Inode> inodes = tx.inodeWrites();
            boolean others = tx.batch() != null && tx.batch().count() > 0;
            if (overlayOk && nextId == idBefore && !others && !inodes.isEmpty() && !inodes.containsValue(null)) {
                // inode puts only, deferred: RocksDB sees them at the next flush
                inodes.values().forEach(overlay::putDirty);
                if (overlay.overBound()) {
                    flushOverlay();
                }
                number = commits.latest();
            } else if (nextId != idBefore || others || !inodes.isEmpty()) {
                WriteBatchWithIndex batch = tx.writableBatch();
                for (Map.Entry<Long, Inode> e : inodes.entrySet()) {
                    if (e.getValue() == null) {
                        batch.delete(Keys.inode(e.getKey()));
                    } else {
                        batch.put(Keys.inode(e.getKey()), InodeCodec.encode(e.getValue()));
                    }
                }
                if (nextId != idBefore) {
                    batch.put(Keys.meta(NEXT_ID), ByteBuffer.allocate(8).putLong(nextId).array());
                }
                db.write(writeOptions, batch);
                number = commits.appended();
                releaseEntries += tx.releaseDelta();
                // in RocksDB now: an overlay entry of these inodes must not hide the new version
                inodes.forEach(overlay::committed);
            } else {
                // changed nothing, but may have acted on what others wrote: wait for that instead
                number = commits.latest();
            }
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB write failed: " + e.getMessage(), e);
        } finally {
            tx.closeBatch();
            writeLock.unlock();
        }
        if (durable) {
            awaitDurable(number);
        }
        return result;
    }

    private void awaitDurable(long number) {
        if (NonBlocking.active()) {
            throw NonBlocking.wouldBlock("WAL sync under the non-blocking mode");
        }
        try {
            commits.awaitDurable(number);
        } catch (RocksDBException e) {
            throw new StoreException("RocksDB WAL sync failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StoreException("RocksDB WAL sync failed: " + e, e);
        }
    }

    private long countReleases() {
        long n = 0;
        byte[] prefix = {Keys.RELEASE};
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
                n++;
            }
            it.status();
        } catch (RocksDBException e) {
            throw new StoreException("cannot count the content outbox: " + e.getMessage(), e);
        }
        return n;
    }

    /** Entries in the content outbox as committed (write lock: write transactions only). */
    long releaseEntries() {
        return releaseEntries;
    }

    /** Called with the write lock held. Ids handed out by a failed transaction are skipped, never reused. */
    long allocateId() {
        return nextId++;
    }

    @Override
    public String kind() {
        return "rocksdb";
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (syncTimer != null) {
            syncTimer.shutdownNow();
        }
        writeLock.lock();
        try {
            try {
                flushOverlay(); // deferred writes are kept on a clean shutdown
                db.flushWal(sync);
            } catch (RocksDBException | StoreException e) {
                log.warn("flushing deferred metadata changes at close failed (they are lost): {}", e.getMessage(), e);
            }
            db.close();
            writeOptions.close();
            writeReads.close();
            writeReadsCacheOnly.close();
            options.close();
            bloom.close();
        } finally {
            writeLock.unlock();
        }
    }
}
