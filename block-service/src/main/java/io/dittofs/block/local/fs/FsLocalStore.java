package io.dittofs.block.local.fs;

import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.Journal;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.NoSpaceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.lang.ref.Cleaner;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local tier on a directory: {@code blocks/ab/abcd…} (one file per sealed block, named by its
 * SHA-256), {@code wal.log} and {@code checkpoint}. Blocks and checkpoints are written to a
 * temporary name, fsynced and renamed, so a crash never leaves a partial file under a real name.
 */
public final class FsLocalStore implements LocalStore {

    private static final Logger log = LoggerFactory.getLogger(FsLocalStore.class);

    private final Path root;
    private final Path blocks;
    private final FsQuota quota;
    private final FsJournal journal;
    private final Set<Path> unsyncedDirs = ConcurrentHashMap.newKeySet();
    /**
     * Block files of {@link #putBlockUnsynced} not fsynced yet, each with the sequence number of its
     * last put: a sync forgets a file only if nobody put it again meanwhile (it may have been
     * collected and written anew after the sync opened the old one).
     */
    private final Map<Path, Long> unsyncedFiles = new ConcurrentHashMap<>();
    /** Directories that got an unsynced block's rename (or a new subdirectory), same sequence numbers. */
    private final Map<Path, Long> unsyncedDirsOfBlocks = new ConcurrentHashMap<>();
    private final AtomicLong unsyncedSeq = new AtomicLong();
    private final BlockFlusher flusher = new BlockFlusher(this::syncUnsynced);
    /** The two-hex-digit subdirectories known to exist: no mkdir per block. Never removed. */
    private final Set<Path> knownDirs = ConcurrentHashMap.newKeySet();
    private final Map<BlockHash, Long> sizes = new ConcurrentHashMap<>();
    private final AtomicLong tmpCounter = new AtomicLong();
    private static final int MAX_OPEN_BLOCKS = 256;
    private final ClockCache<BlockHash, FileChannel> channels = new ClockCache<>(MAX_OPEN_BLOCKS, FsLocalStore::closeEvicted);
    private static final int MAX_CACHED_MAPPINGS = 1024;
    /** Read-only mappings of recently read blocks, lent to readers as views (see {@link #view}). */
    private final ClockCache<BlockHash, MappedByteBuffer> mappings = new ClockCache<>(MAX_CACHED_MAPPINGS, (h, m) -> { });
    /**
     * Mappings not yet unmapped: a mapping is unmapped only when the GC finds it (and every view
     * lent from it) unreachable, so one dropped from the cache lives on until then. Past this many,
     * {@link #view} answers null and the caller copies: the process's mapping count (vm.max_map_count)
     * stays bounded however rarely the GC runs.
     */
    private static final int MAX_LIVE_MAPPINGS = 8192;
    /**
     * Longer reads are copied with {@code pread}, not lent from a mapping. Measured on the 2-vCPU VM of
     * docs/benchmarks.md ("Large reads are copied"): sending 1 MiB replies straight from block mappings
     * spent 74 % of the server's samples in the kernel's copy out of the mapping ({@code _copy_from_iter}),
     * and nfs-cp read 450-490 MiB/s of settled content against 650-840 with {@code pread} into a
     * buffer. Short reads (random 4 KiB) keep the mapping: no system call, answered on the event loop.
     */
    public static final int MAX_VIEW_BYTES = 128 << 10;
    private static final Cleaner UNMAPPED = Cleaner.create(Thread.ofPlatform().daemon().name("block-unmapped", 0).factory());
    private final AtomicInteger liveMappings = new AtomicInteger();
    private final boolean lendViews;

    /** @param quotaBytes 0 = no limit beyond the device's */
    public FsLocalStore(Path root, long quotaBytes) throws IOException {
        this(root, quotaBytes, true);
    }

    /** @param lendViews whether reads may lend mapped views of blocks instead of copying them */
    public FsLocalStore(Path root, long quotaBytes, boolean lendViews) throws IOException {
        this.lendViews = lendViews;
        this.root = Files.createDirectories(root);
        this.blocks = Files.createDirectories(root.resolve("blocks"));
        this.quota = new FsQuota(quotaBytes);
        Path cp = root.resolve("checkpoint");
        if (Files.exists(cp)) {
            quota.add(Files.size(cp));
        }
        scanBlocks();
        this.journal = new FsJournal(root.resolve("wal.log"), quota);
    }

    private void scanBlocks() throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(blocks)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".tmp")) {
                            Files.deleteIfExists(f); // a put that crashed before its rename
                            continue;
                        }
                        try {
                            long size = Files.size(f);
                            sizes.put(BlockHash.fromHex(name), size);
                            quota.add(size);
                        } catch (IllegalArgumentException e) {
                            log.warn("ignoring foreign file {} in the block directory: {}", f, e.getMessage());
                        }
                    }
                }
            }
        }
    }

    private Path pathOf(BlockHash hash) {
        String hex = hash.hex();
        return blocks.resolve(hex.substring(0, 2)).resolve(hex);
    }

    @Override
    public void putBlock(BlockHash hash, ByteBuffer content) throws IOException {
        if (sizes.containsKey(hash)) {
            return;
        }
        store(hash, content, true);
    }

    @Override
    public void putBlockUnsynced(BlockHash hash, ByteBuffer content) throws IOException {
        Path target = pathOf(hash);
        if (!sizes.containsKey(hash)) {
            store(hash, content, false);
        }
        // also when it was there: it may be an earlier process's unsynced file, still only in the page cache.
        // The directory first: a sync that sees the file must also see (and sync after it) its directory.
        long seq = unsyncedSeq.incrementAndGet();
        unsyncedDirsOfBlocks.put(target.getParent(), seq);
        unsyncedFiles.put(target, seq);
        flusher.poke();
    }

    private void store(BlockHash hash, ByteBuffer content, boolean sync) throws IOException {
        Path target = pathOf(hash);
        Path dir = target.getParent();
        if (!knownDirs.contains(dir)) {
            Files.createDirectories(dir);
            // its entry in blocks/ must be durable before a block in it is relied on
            unsyncedDirsOfBlocks.put(blocks, unsyncedSeq.incrementAndGet());
            knownDirs.add(dir);
        }
        long len = content.remaining();
        quota.reserve(len, "block " + hash.hex());
        Path tmp = dir.resolve(hash.hex() + "." + tmpCounter.incrementAndGet() + ".tmp");
        MappedByteBuffer mapped;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                ByteBuffer src = content.duplicate();
                while (src.hasRemaining()) {
                    ch.write(src);
                }
                if (sync) {
                    ch.force(false);
                }
                mapped = mapForReaders(ch, len);
            }
            move(tmp, target);
        } catch (IOException e) {
            quota.release(len);
            Files.deleteIfExists(tmp);
            throw NoSpaceException.isNoSpace(e) ? new NoSpaceException("local tier full: " + e.getMessage()) : e;
        }
        if (sizes.putIfAbsent(hash, len) != null) {
            quota.release(len); // a concurrent put of the same content won
        } else if (mapped != null) {
            mappings.putIfAbsent(hash, mapped);
        }
        unsyncedDirs.add(dir);
    }

    /**
     * A read-only mapping of a block just written, for {@link #residentView}: its pages are in the
     * page cache now, so the first read of new content (a file read back after it was written) can
     * be answered without I/O instead of going to a thread that may block only to map the block.
     * Written completely before it is mapped and never written again, like every block file. Null
     * when views are not lent, the block is empty or too large, or too many mappings are alive.
     */
    private MappedByteBuffer mapForReaders(FileChannel ch, long len) throws IOException {
        if (!lendViews || len == 0 || len > Integer.MAX_VALUE || liveMappings.get() >= MAX_LIVE_MAPPINGS) {
            return null;
        }
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, len);
        liveMappings.incrementAndGet();
        UNMAPPED.register(m, liveMappings::decrementAndGet);
        return m;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the local tier needs a file system with atomic rename: " + from, e);
        }
    }

    @Override
    public void syncBlocks() throws IOException {
        syncUnsynced();
        for (Path dir : Set.copyOf(unsyncedDirs)) {
            unsyncedDirs.remove(dir);
            fsyncDir(dir);
        }
        fsyncDir(blocks);
    }

    /**
     * fdatasync of each unsynced block file, then of the directories holding them. Files removed
     * meanwhile were collected: only a block no persisted map and no log refers to is deleted.
     */
    @Override
    public void syncUnsynced() throws IOException {
        if (unsyncedFiles.isEmpty() && unsyncedDirsOfBlocks.isEmpty()) {
            return;
        }
        // removed only after the fsync: a checkpoint syncing concurrently must not skip a file in flight here
        for (Map.Entry<Path, Long> e : Map.copyOf(unsyncedFiles).entrySet()) {
            Path f = e.getKey();
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                ch.force(false);
            } catch (java.nio.file.NoSuchFileException collected) {
                log.debug("unsynced block {} was collected before its sync", f.getFileName());
            }
            unsyncedFiles.remove(f, e.getValue());
        }
        // after the files: a rename is only worth making durable once the bytes it names are
        for (Map.Entry<Path, Long> e : Map.copyOf(unsyncedDirsOfBlocks).entrySet()) {
            fsyncDir(e.getKey());
            unsyncedDirsOfBlocks.remove(e.getKey(), e.getValue());
        }
    }

    private static void fsyncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public boolean hasBlock(BlockHash hash) {
        return sizes.containsKey(hash);
    }

    @Override
    public ByteBuffer readBlock(BlockHash hash) throws IOException {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(pathOf(hash)));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public int readBlock(BlockHash hash, long position, ByteBuffer dst) throws IOException {
        int start = dst.position();
        for (int attempt = 0; ; attempt++) {
            try {
                FileChannel ch = channel(hash);
                int total = 0;
                while (dst.hasRemaining()) {
                    int n = ch.read(dst, position + total);
                    if (n < 0) {
                        return total == 0 ? -1 : total;
                    }
                    total += n;
                }
                return total;
            } catch (NoSuchFileException e) {
                return -1;
            } catch (java.nio.channels.ClosedChannelException e) {
                // closed by eviction from the handle cache or by a delete: reopen once
                dst.position(start);
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /**
     * A slice of the block's read-only mapping: no system call, no temporary buffer and no array per
     * read once a block is mapped (the consumer copies the bytes once). Safe to lend because a
     * block file is never written in place (puts go to a temporary file and are renamed; a deleted
     * block's mapping keeps its pages), so the bytes under a view never change.
     */
    @Override
    public ByteBuffer view(BlockHash hash, long position, int length) throws IOException {
        if (!lendViews || length > MAX_VIEW_BYTES) {
            return null;
        }
        MappedByteBuffer m = mappings.get(hash);
        if (m == null) {
            m = map(hash);
            if (m == null) {
                return null;
            }
        }
        if (position < 0 || position + length > m.capacity()) {
            return null; // shorter than the caller's map says: the copying path reports it
        }
        return m.slice((int) position, length);
    }

    /**
     * A slice of a block that is already mapped, and only if its pages are resident
     * ({@link MappedByteBuffer#isLoaded}: one mincore(2) over the slice's pages): mapping a block
     * (open, mmap) or faulting a page in from the device is I/O, so such reads answer null.
     */
    @Override
    public ByteBuffer residentView(BlockHash hash, long position, int length) {
        MappedByteBuffer m = lendViews && length <= MAX_VIEW_BYTES ? mappings.get(hash) : null;
        if (m == null || position < 0 || position + length > m.capacity()) {
            return null;
        }
        MappedByteBuffer slice = m.slice((int) position, length);
        return length == 0 || slice.isLoaded() ? slice : null;
    }

    private MappedByteBuffer map(BlockHash hash) throws IOException {
        Long size = sizes.get(hash);
        if (size == null || size > Integer.MAX_VALUE || liveMappings.get() >= MAX_LIVE_MAPPINGS) {
            return null;
        }
        MappedByteBuffer m;
        try {
            m = channel(hash).map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (NoSuchFileException | java.nio.channels.ClosedChannelException e) {
            return null; // deleted or evicted meanwhile: the copying path decides
        }
        liveMappings.incrementAndGet();
        UNMAPPED.register(m, liveMappings::decrementAndGet);
        // one dropped by the bound stays mapped until the GC finds it and its views unreachable
        return mappings.putIfAbsent(hash, m);
    }

    /** Open read handles of recently read blocks: a 4 KiB read must not pay an open() and a close(). */
    private FileChannel channel(BlockHash hash) throws IOException {
        FileChannel ch = channels.get(hash);
        if (ch != null && ch.isOpen()) {
            return ch;
        }
        ch = FileChannel.open(pathOf(hash), StandardOpenOption.READ);
        FileChannel kept = channels.putIfAbsent(hash, ch);
        if (kept == ch) {
            return ch;
        }
        if (kept.isOpen()) {
            ch.close();
            return kept;
        }
        channels.put(hash, ch); // the one there was closed meanwhile
        return ch;
    }

    /** A handle the bound dropped: a reader still using it reopens (ClosedChannelException). */
    private static void closeEvicted(BlockHash hash, FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            log.warn("closing the evicted read handle of block {} failed: {}", hash, e.toString());
        }
    }

    private void closeChannel(BlockHash hash) throws IOException {
        FileChannel ch = channels.remove(hash);
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public boolean deleteBlock(BlockHash hash) throws IOException {
        mappings.remove(hash); // views already lent keep the pages until they are unreachable
        closeChannel(hash);
        Long size = sizes.remove(hash);
        boolean existed = Files.deleteIfExists(pathOf(hash));
        if (size != null) {
            quota.release(size);
        }
        return existed;
    }

    @Override
    public Map<BlockHash, Long> listBlocks() {
        return new HashMap<>(sizes);
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public synchronized void writeCheckpoint(ByteBuffer checkpoint) throws IOException {
        Path cp = root.resolve("checkpoint");
        Path tmp = root.resolve("checkpoint.tmp");
        long len = checkpoint.remaining();
        long old = Files.exists(cp) ? Files.size(cp) : 0;
        quota.reserve(len, "checkpoint");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer src = checkpoint.duplicate();
                while (src.hasRemaining()) {
                    ch.write(src);
                }
                ch.force(true);
            }
            move(tmp, cp);
            fsyncDir(root);
        } catch (IOException e) {
            quota.release(len);
            Files.deleteIfExists(tmp);
            throw NoSpaceException.isNoSpace(e) ? new NoSpaceException("local tier full: " + e.getMessage()) : e;
        }
        quota.release(old);
    }

    @Override
    public ByteBuffer readCheckpoint() throws IOException {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(root.resolve("checkpoint")));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public long usedBytes() {
        return quota.used();
    }

    @Override
    public void close() throws IOException {
        flusher.close();
        mappings.clear();
        for (BlockHash h : channels.keys()) {
            closeChannel(h);
        }
        journal.close();
    }

    @Override
    public String toString() {
        return "fs:" + root;
    }
}
