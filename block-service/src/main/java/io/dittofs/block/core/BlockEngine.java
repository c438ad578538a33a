package io.dittofs.block.core;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.blockmap.Entry;
import io.dittofs.block.core.blockmap.PayloadMap;
import io.dittofs.block.core.cache.LocalCache;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.core.cas.ContentStore;
import io.dittofs.block.core.gc.RefCounts;
import io.dittofs.block.core.syncer.Syncer;
import io.dittofs.block.core.wal.WalRecord;
import io.dittofs.block.core.wal.WriteAheadLog;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.remote.RemoteStore;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File content over a local tier (WAL + content-addressed blocks) and an optional remote tier.
 *
 * <p>Lock order: the checkpoint lock (read for operations, write for a checkpoint), then payload
 * monitors in unsigned id order. Every mutation is prepared (may read blocks, may fail), logged,
 * then applied in memory; stable replies wait for the log's group-committed fsync outside all locks.
 */
public final class BlockEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockEngine.class);
    /** Largest offset + length accepted (2^60): far above any protocol's file size, safe from overflow. */
    public static final long MAX_SIZE = 1L << 60;

    private final LocalStore local;
    private final RemoteStore remote;
    private final EngineSettings settings;
    private final int bs;
    private final RefCounts refs = new RefCounts();
    private final AtomicInteger dirtyBlocks = new AtomicInteger();
    /** Bytes in the overlays of patched blocks (small writes into sealed blocks), also dirty. */
    private final AtomicLong overlayBytes = new AtomicLong();
    private final ContentStore content;
    private final WriteAheadLog wal;
    private final PayloadTable table;
    private final Syncer syncer;
    private final ReentrantReadWriteLock cpLock = new ReentrantReadWriteLock();
    /** One checkpoint at a time: background ones skip while it is held, {@link #checkpoint()} waits for it. */
    private final java.util.concurrent.locks.ReentrantLock checkpointing = new java.util.concurrent.locks.ReentrantLock();
    private final ScheduledExecutorService timer;
    /** Fetches blocks ahead of sequential readers from the remote tier; null without one. */
    private final java.util.concurrent.ExecutorService readAhead;
    private volatile byte[] verifier = new byte[8];
    /** UNSTABLE whole-block writes hashed and stored after their reply; null when off. */
    private final HashBehind hashBehind;
    /** Blocks stored by whole-block writes since the last checkpoint: it queues their uploads. */
    private final java.util.Set<BlockHash> directBlocks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();
    private long epoch;
    private volatile boolean closed;

    private BlockEngine(LocalStore local, RemoteStore remote, EngineSettings settings, int blockSize) throws IOException {
        this.local = local;
        this.remote = remote;
        this.settings = settings;
        this.bs = blockSize;
        this.content = new ContentStore(local, remote, settings.remotePrefix(), new LocalCache(settings.cacheMaxBytes()));
        // a forced record must never name a block file a crash can lose (whole-block writes)
        this.wal = new WriteAheadLog(local.journal(), local::syncUnsynced);
        this.table = new PayloadTable(new EngineBlockContext(blockSize, content, refs, dirtyBlocks, overlayBytes,
                new SealedMasks()));
        this.syncer = remote == null ? null
                : new Syncer(content, refs, settings.initialBackoff(), settings.maxBackoff(), settings.remoteWorkers());
        this.readAhead = remote == null || settings.readAheadBlocks() == 0 ? null
                : Executors.newFixedThreadPool(settings.remoteWorkers(), Thread.ofPlatform().daemon().name("block-read-ahead-", 0).factory());
        new SecureRandom().nextBytes(verifier);
        this.hashBehind = settings.hashBehindBytes() <= 0 ? null
                : new HashBehind(blockSize, settings.hashBehindBytes(), this::storeLater, this::newVerifier);
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("block-checkpoint").factory());
    }

    /** Opens the engine: loads the checkpoint, replays the log, checkpoints, collects garbage, resumes syncing. */
    public static BlockEngine open(LocalStore local, RemoteStore remote, EngineSettings settings) throws IOException {
        return Recovery.open(local, remote, settings);
    }

    static BlockEngine create(LocalStore local, RemoteStore remote, EngineSettings settings, int blockSize, long epoch)
            throws IOException {
        BlockEngine e = new BlockEngine(local, remote, settings, blockSize);
        e.epoch = epoch;
        return e;
    }

    void startTimer() {
        long ms = settings.checkpointInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                // garbage counts too: space of deleted or cut content comes back within one interval
                // whole-block writes leave nothing dirty, but their blocks wait for it to be uploaded
                if (dirtyBlocks.get() > 0 || overlayBytes.get() > 0 || wal.size() > 64 * 1024 || refs.hasCandidates()
                        || !directBlocks.isEmpty()) {
                    checkpointUnlessRunning();
                }
            } catch (Exception e) {
                log.warn("periodic checkpoint failed (will retry): {}", e.toString());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    // ---- accessors for recovery, GC and tests -----------------------------------------------

    PayloadTable table() {
        return table;
    }

    RefCounts refs() {
        return refs;
    }

    ContentStore content() {
        return content;
    }

    WriteAheadLog wal() {
        return wal;
    }

    Syncer syncer() {
        return syncer;
    }

    /** The blocks whole-block writes stored since the last call (the checkpoint, under its exclusive lock). */
    java.util.Set<BlockHash> drainDirectBlocks() {
        java.util.Set<BlockHash> out = java.util.Set.copyOf(directBlocks);
        directBlocks.removeAll(out);
        return out;
    }

    long epoch() {
        return epoch;
    }

    public int blockSize() {
        return bs;
    }

    public byte[] verifier() {
        return verifier.clone();
    }

    /** An answered UNSTABLE write was lost (see {@link HashBehind}): clients must send theirs again. */
    private void newVerifier() {
        byte[] v = new byte[8];
        new SecureRandom().nextBytes(v);
        verifier = v;
    }

    /** Waits for the payload's blocks still being hashed behind their replies (see {@link HashBehind}). */
    private void drain(ByteString id) throws IOException {
        if (hashBehind != null) {
            hashBehind.drain(id);
        }
    }

    private void storeLater(ByteString id, long offset, ByteBuffer[] blocks) throws IOException {
        writeFullBlocks(id, offset, blocks, false);
    }

    /** Waits until the syncer has nothing queued (tests, benchmarks, shutdown reports). */
    public boolean awaitSynced(java.time.Duration timeout) throws InterruptedException {
        return syncer == null || syncer.awaitIdle(timeout);
    }

    public long syncFailures() {
        return syncer == null ? 0 : syncer.failures();
    }

    // ---- checks ---------------------------------------------------------------------------

    static void checkId(ByteString id) {
        Checks.id(id);
    }

    static void checkRange(long offset, long length) {
        Checks.range(offset, length, MAX_SIZE);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StatusException(Status.DELAY, "block engine is shutting down");
        }
    }

    // ---- operations -----------------------------------------------------------------------

    @FunctionalInterface
    interface Op<T> {
        T run() throws IOException;
    }

    <T> T shared(Op<T> op) throws IOException {
        ensureOpen();
        cpLock.readLock().lock();
        try {
            return op.run();
        } finally {
            cpLock.readLock().unlock();
        }
    }

    /**
     * Reads take no checkpoint lock, only the payload's monitor: a checkpoint (which can take
     * seconds while it merges and stores many blocks) no longer stalls readers. That is safe because
     * a checkpoint changes a map only under its monitor ({@link Checkpointer}) and deletes a block
     * only once no map refers to it, i.e. after every reader that saw the old entry left the monitor;
     * a view lent from a deleted block keeps its bytes (see {@link io.dittofs.block.local.LocalStore#view}).
     */
    public Results.Read read(ByteString id, long offset, int count) throws IOException {
        return read(id, offset, count, false);
    }

    /**
     * A read that never waits for I/O, for a caller that must not block (an event loop): the same
     * answer as {@link #read} when memory alone can give it — dirty blocks, overlays, holes, and
     * sealed blocks already mapped, verified and resident in the page cache ({@code mincore}) —
     * else null, and the caller uses {@link #read} where it may block. A read of a 4 KiB page of a
     * sealed block that was read before lends a view of it without any system call but one
     * mincore. Like {@link #read} it takes the payload's monitor; its holders do in-memory work and
     * append a log record to the page cache, except a write that outgrows a block's overlay, which
     * reads that one block (and a checkpoint, which only swaps entries under it): that is the
     * longest wait. The gateway calls it (the block gRPC service's read under NonBlocking) to
     * answer NFSv3 READ on its event loop.
     */
    public Results.Read readIfResident(ByteString id, long offset, int count) throws IOException {
        return read(id, offset, count, true);
    }

    private Results.Read read(ByteString id, long offset, int count, boolean residentOnly) throws IOException {
        checkId(id);
        checkRange(offset, count);
        ensureOpen();
        if (residentOnly && hashBehind != null && hashBehind.pending(id)) {
            return null; // its blocks are being stored: the blocking read waits for them
        }
        if (!residentOnly) {
            drain(id);
        }
        PayloadMap m = table.getOrEmpty(id);
        List<BlockHash> ahead;
        Results.Read result;
        synchronized (m) {
            long size = m.size();
            int n = (int) Math.max(0, Math.min(count, size - offset));
            ByteBuffer data = residentOnly ? m.residentRead(offset, n) : readMayWait(m, offset, n);
            if (data == null) {
                // resident only, and it is not: nothing recorded, the blocking read that follows is this read
                return null;
            }
            ahead = readAhead(m, offset, n);
            result = new Results.Read(data, offset + n >= size, size);
        }
        for (BlockHash h : ahead) {
            content.prefetch(h, readAhead); // queued on the read-ahead pool: no I/O here
        }
        return result;
    }

    private static ByteBuffer readMayWait(PayloadMap m, long offset, int n) throws IOException {
        // a read inside one sealed block borrows the block's bytes: they never change
        ByteBuffer data = m.view(offset, n);
        if (data == null) {
            byte[] copy = new byte[n];
            m.read(offset, copy);
            data = ByteBuffer.wrap(copy); // fresh, nobody else holds it: protobuf wraps the array
        }
        return data;
    }

    /** Records the read in the payload's cursor; the sealed blocks to fetch ahead of a sequential reader. */
    private List<BlockHash> readAhead(PayloadMap m, long offset, int n) {
        if (m.readAt(offset, offset + n) && readAhead != null && n > 0) {
            return m.sealedAfter(offset + n - 1, settings.readAheadBlocks());
        }
        return List.of();
    }

    public Results.Write write(ByteString id, long offset, ByteBuffer data, boolean stable) throws IOException {
        checkId(id);
        int len = data.remaining();
        checkRange(offset, len);
        boolean whole = len > 0 && offset % bs == 0 && len % bs == 0;
        if (whole && !stable && hashBehind != null) {
            ensureOpen();
            long furthest = hashBehind.offer(id, offset, data);
            if (furthest >= 0) {
                PayloadMap m = table.getOrEmpty(id);
                long size;
                synchronized (m) {
                    size = m.size();
                }
                return new Results.Write(len, Math.max(size, furthest), false);
            }
        }
        drain(id);
        if (whole) {
            return writeFullBlocks(id, offset, data, stable);
        }
        long[] size = new long[1];
        WriteAheadLog.Ticket t = shared(() -> mutate(id, m -> m.prepareWrite(offset, len),
                new WalRecord.Write(id, offset, data), size));
        finish(t, stable);
        return new Results.Write(len, size[0], stable);
    }

    /**
     * An UNSTABLE write that needs no I/O, for a caller that must not wait (an event loop answering
     * NFSv3 WRITE, see the block gRPC service's write under NonBlocking): what {@link #write} would
     * answer, or null with nothing changed when the write would have to wait — whole blocks (they
     * are hashed and stored), a payload with blocks still being hashed, a checkpoint under way or
     * due (the writer that finds it due runs it: that is the back-pressure of the dirty limit), a
     * block that must be read before it can take the bytes, or a log buffer that must be written
     * out first. Like {@link #readIfResident} it takes the payload's monitor, held by others only
     * for in-memory work or one block's read, and the journal's, held by others for an append or
     * the write-out of its buffer (one {@code pwrite} of at most 256 KiB into the page cache).
     */
    public Results.Write writeWithoutWaiting(ByteString id, long offset, ByteBuffer data) throws IOException {
        checkId(id);
        int len = data.remaining();
        checkRange(offset, len);
        ensureOpen();
        if (len == 0 || offset % bs == 0 && len % bs == 0) {
            return null;
        }
        if (hashBehind != null && hashBehind.pending(id)) {
            return null;
        }
        if (dirtyBytes() > settings.dirtyLimitBytes() || wal.size() > settings.walLimitBytes()
                || !cpLock.readLock().tryLock()) {
            return null;
        }
        try {
            PayloadMap m = table.getOrCreate(id);
            synchronized (m) {
                if (m.deleted() || m.writeNeedsRead(offset, len)) {
                    return null;
                }
                WalRecord record = new WalRecord.Write(id, offset, data);
                if (wal.appendWithoutIo(record) == null) {
                    return null;
                }
                table.apply(record); // prepares without a read (checked above), then applies
                return new Results.Write(len, m.size(), false);
            }
        } finally {
            cpLock.readLock().unlock();
        }
    }

    /**
     * Whole aligned blocks are written once: each is hashed (outside every lock) and stored straight
     * as a sealed block without fsync, and the log gets only the hashes. The block files are synced
     * by the log's next force (before it: {@link io.dittofs.block.local.LocalStore#syncUnsynced}), so
     * a stable reply still means data and record are durable. Blocks of zeros are stored nowhere
     * (like the checkpoint's). The blocks are stored under the shared lock, so the checkpoint's
     * collection cannot delete a deduplicated block between the store and the record's reference.
     */
    private Results.Write writeFullBlocks(ByteString id, long offset, ByteBuffer data, boolean stable) throws IOException {
        ByteBuffer[] blocks = new ByteBuffer[data.remaining() / bs];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = data.slice(data.position() + i * bs, bs);
        }
        return writeFullBlocks(id, offset, blocks, stable);
    }

    /** {@code blocks}: consecutive whole blocks from {@code offset}, logged as one record. */
    private Results.Write writeFullBlocks(ByteString id, long offset, ByteBuffer[] blocks, boolean stable) throws IOException {
        int n = blocks.length;
        int len = n * bs;
        List<java.util.Optional<BlockHash>> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hashes.add(allZero(blocks[i]) ? java.util.Optional.empty() : java.util.Optional.of(BlockHash.of(blocks[i])));
        }
        long[] size = new long[1];
        WriteAheadLog.Ticket t = shared(() -> {
            for (int i = 0; i < n; i++) {
                if (hashes.get(i).isPresent()) {
                    content.stage(hashes.get(i).get(), blocks[i]);
                    directBlocks.add(hashes.get(i).get());
                }
            }
            return mutate(id, m -> { }, new WalRecord.FullBlocks(id, offset, bs, hashes), size);
        });
        finish(t, stable);
        return new Results.Write(len, size[0], stable);
    }

    private static boolean allZero(ByteBuffer b) {
        for (int off = 0; off < b.remaining(); off += ZEROS.capacity()) {
            int n = Math.min(ZEROS.capacity(), b.remaining() - off);
            if (ZEROS.slice(0, n).mismatch(b.slice(b.position() + off, n)) != -1) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface Prepare {
        void run(PayloadMap m) throws IOException;
    }

    /** Prepare, log, apply on one payload; returns the log ticket. Call under the shared lock. */
    private WriteAheadLog.Ticket mutate(ByteString id, Prepare prepare, WalRecord record, long[] sizeOut) throws IOException {
        while (true) {
            PayloadMap m = table.getOrCreate(id);
            synchronized (m) {
                if (m.deleted()) {
                    continue; // deleted concurrently: a new content object starts now
                }
                prepare.run(m);
                WriteAheadLog.Ticket t = wal.append(record);
                table.apply(record);
                sizeOut[0] = m.size();
                return t;
            }
        }
    }

    private void finish(WriteAheadLog.Ticket t, boolean stable) throws IOException {
        if (stable && hashBehind != null) {
            // everything answered before this stable answer becomes durable with it (HashBehind)
            hashBehind.drainAll();
            wal.syncAll();
        } else if (stable && t != null) {
            wal.sync(t);
        }
        maybeCheckpoint();
    }

    private volatile long checkpointRetryAfter;
    private volatile boolean checkpointBackoff;

    public void commit(ByteString id) throws IOException {
        checkId(id);
        ensureOpen();
        if (hashBehind != null) {
            hashBehind.drainAll(); // this payload's blocks and all answered before them
        }
        wal.syncAll();
    }

    public long truncate(ByteString id, long size) throws IOException {
        checkId(id);
        drain(id);
        checkRange(size, 0);
        long[] out = new long[1];
        WriteAheadLog.Ticket t = shared(() -> mutate(id, m -> m.prepareTruncate(size), new WalRecord.Truncate(id, size), out));
        finish(t, true);
        return out[0];
    }

    public long allocate(ByteString id, long offset, long length) throws IOException {
        checkId(id);
        drain(id);
        checkRange(offset, length);
        long[] out = new long[1];
        WriteAheadLog.Ticket t = shared(() -> mutate(id, m -> { }, new WalRecord.Allocate(id, offset, length), out));
        finish(t, true);
        return out[0];
    }

    public long deallocate(ByteString id, long offset, long length) throws IOException {
        checkId(id);
        drain(id);
        checkRange(offset, length);
        long[] out = new long[1];
        WriteAheadLog.Ticket t = shared(() -> mutate(id, m -> m.prepareDeallocate(offset, length),
                new WalRecord.Deallocate(id, offset, length), out));
        finish(t, true);
        return out[0];
    }

    public Results.Seek seek(ByteString id, long offset, boolean data) throws IOException {
        checkId(id);
        drain(id);
        checkRange(offset, 0);
        return shared(() -> {
            PayloadMap m = table.getOrEmpty(id);
            synchronized (m) {
                long pos = m.seek(offset, data);
                return pos < 0 ? new Results.Seek(m.size(), true) : new Results.Seek(pos, false);
            }
        });
    }

    public Results.Allocated queryAllocated(ByteString id, long offset, long length, int maxRanges) throws IOException {
        checkId(id);
        checkRange(offset, 0);
        long end = length == 0 || length > MAX_SIZE - offset ? MAX_SIZE : offset + length;
        drain(id);
        return shared(() -> {
            PayloadMap m = table.getOrEmpty(id);
            synchronized (m) {
                boolean[] truncated = new boolean[1];
                List<Results.Range> out = new ArrayList<>();
                for (long[] r : m.allocated(offset, end, maxRanges <= 0 ? Integer.MAX_VALUE : maxRanges, truncated)) {
                    out.add(new Results.Range(r[0], r[1] - r[0]));
                }
                return new Results.Allocated(List.copyOf(out), truncated[0]);
            }
        });
    }

    public Results.Stat stat(ByteString id) throws IOException {
        checkId(id);
        drain(id);
        return shared(() -> {
            PayloadMap m = table.getOrEmpty(id);
            synchronized (m) {
                boolean synced = true;
                for (Entry e : m.blocks().values()) {
                    if (e instanceof Entry.Dirty || e instanceof Entry.Patched
                            || e instanceof Entry.Sealed s && !content.onRemote().contains(s.hash())) {
                        synced = false;
                        break;
                    }
                }
                return new Results.Stat(m.size(), m.allocatedBytes(), synced);
            }
        });
    }

    public void delete(ByteString id) throws IOException {
        checkId(id);
        drain(id);
        WriteAheadLog.Ticket t = shared(() -> {
            PayloadMap m = table.get(id);
            if (m == null) {
                return null;
            }
            synchronized (m) {
                if (m.deleted()) {
                    return null;
                }
                WriteAheadLog.Ticket ticket = wal.append(new WalRecord.Delete(id));
                table.apply(new WalRecord.Delete(id));
                return ticket;
            }
        });
        finish(t, true);
    }

    /**
     * Clone / copy: whole aligned blocks are shared by reference (one logged record); the unaligned
     * rest is copied as ordinary writes in chunks of at most 4 MiB.
     *
     * @return {count, destination size}
     */
    public long[] cloneRange(ByteString src, long srcOff, ByteString dst, long dstOff, long length, boolean stable)
            throws IOException {
        drain(src);
        drain(dst);
        if (stable && hashBehind != null) {
            hashBehind.drainAll(); // its own force then covers them
        }
        return new CloneOp(this, cpLock, table, wal, bs).run(src, srcOff, dst, dstOff, length, stable);
    }

    /**
     * Checkpoints when the heap or the log passed its limit. The operation that triggers it is
     * already logged and applied, so a failing checkpoint (e.g. a full disk) must not fail that
     * operation: it is logged and retried after a pause, and the log keeps everything meanwhile —
     * until the log itself has no room, which fails the next write with NOSPC before it is applied.
     */
    void maybeCheckpoint() throws IOException {
        if (dirtyBytes() > settings.dirtyLimitBytes() || wal.size() > settings.walLimitBytes()) {
            if (checkpointBackoff && System.nanoTime() - checkpointRetryAfter < 0) {
                return;
            }
            try {
                checkpointUnlessRunning();
                checkpointBackoff = false;
            } catch (IOException e) {
                checkpointRetryAfter = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                checkpointBackoff = true;
                log.warn("checkpoint failed, retrying in 1 s (the write-ahead log holds the data): {}", e.toString());
            }
        }
    }

    /**
     * Seals dirty blocks, persists the block maps, starts a new log, collects garbage, queues uploads.
     * When it returns, everything written before the call is sealed and its uploads are queued: a
     * checkpoint already running (it may have started before those writes) is waited for, then
     * this one runs.
     */
    public void checkpoint() throws IOException {
        if (hashBehind != null && !hashBehind.onWorker()) {
            hashBehind.drainAll(); // a checkpoint seals everything answered before it
        }
        checkpointing.lock();
        runCheckpoint();
    }

    /** The background checkpoint (timer, dirty limits): one already running does the work. */
    private void checkpointUnlessRunning() throws IOException {
        if (hashBehind != null && !hashBehind.onWorker()) {
            hashBehind.drainAll();
        }
        if (checkpointing.tryLock()) {
            runCheckpoint();
        }
    }

    /** Called holding {@link #checkpointing}; releases it. */
    private void runCheckpoint() throws IOException {
        try {
            cpLock.writeLock().lock();
            try {
                epoch = new Checkpointer(this).run(epoch);
            } finally {
                cpLock.writeLock().unlock();
            }
            content.evict(java.util.Set.of());
        } finally {
            checkpointing.unlock();
        }
    }

    int dirtyBlockCount() {
        return dirtyBlocks.get();
    }

    /** Heap held by unsealed writes: whole dirty blocks plus the overlays of patched ones. */
    long dirtyBytes() {
        return (long) dirtyBlocks.get() * bs + overlayBytes.get();
    }

    long overlayBytes() {
        return overlayBytes.get();
    }

    /** Stops background work without a checkpoint: for a start-up that failed half-way (the log stays as it is). */
    void abandon() {
        closed = true;
        timer.shutdownNow();
        if (hashBehind != null) {
            hashBehind.abandon();
        }
        if (readAhead != null) {
            readAhead.shutdownNow();
        }
        if (syncer != null) {
            syncer.close();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (hashBehind != null) {
            hashBehind.close(); // stores what is pending: the final checkpoint seals it
        }
        timer.shutdownNow();
        if (readAhead != null) {
            readAhead.shutdownNow();
        }
        try {
            checkpoint();
        } catch (io.dittofs.block.local.NoSpaceException e) {
            // Nothing is lost: the log holds what the checkpoint could not seal and is replayed at the next start.
            log.warn("final checkpoint skipped, local tier full ({}); the write-ahead log will be replayed", e.getMessage());
        } finally {
            closed = true;
            if (syncer != null) {
                syncer.close();
            }
        }
    }
}
