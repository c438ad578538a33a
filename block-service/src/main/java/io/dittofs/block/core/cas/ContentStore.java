package io.dittofs.block.core.cas;

import io.dittofs.block.core.cache.LocalCache;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.remote.RemoteStore;
import io.dittofs.contracts.StatusException;
import io.dittofs.contracts.common.v1.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sealed blocks across both tiers. A block is verified against its hash the first time it is read
 * from the local tier in this process; a mismatch (or a block evicted from the cache) is fetched
 * again from the remote tier, verified, and put back locally. With no remote copy a corrupt block
 * is an I/O error — never silently wrong data.
 */
public final class ContentStore {

    private static final Logger log = LoggerFactory.getLogger(ContentStore.class);

    private final LocalStore local;
    private final RemoteStore remote;
    private final String prefix;
    private final LocalCache cache;
    private final Set<BlockHash> verified = ConcurrentHashMap.newKeySet();
    private final Set<BlockHash> onRemote = ConcurrentHashMap.newKeySet();
    private final Map<BlockHash, Object> fetchLocks = new ConcurrentHashMap<>();
    private final Set<BlockHash> prefetching = ConcurrentHashMap.newKeySet();

    public ContentStore(LocalStore local, RemoteStore remote, String prefix, LocalCache cache) throws IOException {
        this.local = local;
        this.remote = remote;
        this.prefix = prefix;
        this.cache = cache;
        local.listBlocks().forEach(cache::added);
    }

    public LocalStore local() {
        return local;
    }

    public RemoteStore remote() {
        return remote;
    }

    public String key(BlockHash hash) {
        return prefix + hash.hex();
    }

    public String keyPrefix() {
        return prefix;
    }

    public Set<BlockHash> onRemote() {
        return onRemote;
    }

    public LocalCache cache() {
        return cache;
    }

    /** True when the block is stored in either tier (so sealing identical content stores nothing). */
    public boolean has(BlockHash hash) {
        return local.hasBlock(hash) || onRemote.contains(hash);
    }

    /** Stores a freshly sealed block locally (not yet durable: see {@link LocalStore#syncBlocks()}). */
    public void put(BlockHash hash, ByteBuffer content) throws IOException {
        if (has(hash)) {
            return;
        }
        local.putBlock(hash, content);
        verified.add(hash);
        cache.added(hash, content.remaining());
    }

    /**
     * Stores a whole block a client wrote, straight as a sealed block, without fsync (see
     * {@link LocalStore#putBlockUnsynced}; the log's force syncs it). Only the local tier counts
     * for dedup here: a copy known only remotely may be on its way out (a delete queued by the
     * last collection), and the log record about to name this block must find it after a crash.
     */
    public void stage(BlockHash hash, ByteBuffer content) throws IOException {
        boolean had = local.hasBlock(hash);
        local.putBlockUnsynced(hash, content);
        if (!had) {
            verified.add(hash);
            cache.added(hash, content.remaining());
        }
    }

    /**
     * Replay of a logged whole-block write: true when its block is intact in either tier. A local
     * copy is read and verified (a block put without fsync may come back empty or short after a
     * power loss) and queued for the next sync: the process that put it may have died before
     * syncing it, and the checkpoint about to persist a reference to it must not outlive it.
     * A local copy that does not match is dropped; false when no tier has the content.
     */
    public boolean intactForReplay(BlockHash hash) throws IOException {
        ByteBuffer b = local.readBlock(hash);
        if (b != null && hash.matches(b)) {
            local.putBlockUnsynced(hash, b);
            verified.add(hash);
            return true;
        }
        if (b != null) {
            log.warn("block {} of a logged write does not match its hash (not synced before a crash); dropping it", hash);
            local.deleteBlock(hash);
            droppedLocally(hash);
        }
        return onRemote.contains(hash);
    }

    public void read(BlockHash hash, long pos, byte[] dst, int off, int len) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            ensureLocal(hash);
            int n = local.readBlock(hash, pos, ByteBuffer.wrap(dst, off, len));
            if (n == len) {
                cache.touched(hash);
                return;
            }
            // evicted between the check and the read, or shorter than its map says
            verified.remove(hash);
        }
        throw new StatusException(Status.IO, "block " + hash + " cannot be read at " + pos + "+" + len);
    }

    /**
     * A verified block's bytes [pos, pos+len) lent by the local tier, or null when it does not lend
     * them (the caller copies with {@link #read}).
     */
    public ByteBuffer view(BlockHash hash, long pos, int len) throws IOException {
        ensureLocal(hash);
        ByteBuffer v = local.view(hash, pos, len);
        if (v != null) {
            cache.touched(hash);
        }
        return v;
    }

    /**
     * A verified block's bytes [pos, pos+len) when lending them needs no I/O (see
     * {@link LocalStore#residentView}), else null. Never verifies, maps or fetches: a block not yet
     * verified in this process answers null.
     */
    public ByteBuffer residentView(BlockHash hash, long pos, int len) {
        if (!verified.contains(hash)) {
            return null;
        }
        ByteBuffer v = local.residentView(hash, pos, len);
        if (v != null) {
            cache.touched(hash);
        }
        return v;
    }

    /** The whole verified block (for upload or read-modify-write). */
    public ByteBuffer readAll(BlockHash hash) throws IOException {
        ensureLocal(hash);
        ByteBuffer b = local.readBlock(hash);
        if (b == null) {
            throw new StatusException(Status.IO, "block " + hash + " vanished from the local tier");
        }
        return b;
    }

    private void ensureLocal(BlockHash hash) throws IOException {
        if (verified.contains(hash)) {
            return;
        }
        synchronized (fetchLocks.computeIfAbsent(hash, h -> new Object())) {
            try {
                if (verified.contains(hash)) {
                    return;
                }
                ByteBuffer b = local.readBlock(hash);
                if (b != null && hash.matches(b)) {
                    verified.add(hash);
                    return;
                }
                if (b != null) {
                    log.error("local block {} is corrupt (content does not match its hash); dropping it", hash);
                    local.deleteBlock(hash);
                    cache.removed(hash);
                }
                fetch(hash);
            } finally {
                fetchLocks.remove(hash);
            }
        }
    }

    private void fetch(BlockHash hash) throws IOException {
        if (remote == null) {
            throw new StatusException(Status.IO, "block " + hash + " is missing or corrupt locally and there is no remote tier");
        }
        byte[] content = remote.get(key(hash));
        if (content == null) {
            throw new StatusException(Status.IO, "block " + hash + " is missing or corrupt locally and not on the remote tier");
        }
        if (!hash.matches(ByteBuffer.wrap(content))) {
            throw new StatusException(Status.IO, "remote copy of block " + hash + " does not match its hash");
        }
        local.putBlock(hash, ByteBuffer.wrap(content));
        cache.added(hash, content.length);
        verified.add(hash);
        log.info("block {} refetched from the remote tier", hash);
    }

    /**
     * Read-ahead: fetches a block from the remote tier in the background when it is not in the
     * local tier (evicted from the cache), so a sequential reader finds it local. Best effort: a
     * failure is logged, and the read itself fetches again.
     */
    public void prefetch(BlockHash hash, java.util.concurrent.Executor executor) {
        if (remote == null || verified.contains(hash) || local.hasBlock(hash) || !prefetching.add(hash)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    ensureLocal(hash);
                } catch (IOException | RuntimeException e) {
                    log.debug("read-ahead of block {} failed: {}", hash, e.toString());
                } finally {
                    prefetching.remove(hash);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            prefetching.remove(hash); // shutting down
        }
    }

    /** Forgets a block in both tiers' bookkeeping after the local copy is deleted. */
    public void droppedLocally(BlockHash hash) {
        verified.remove(hash);
        cache.removed(hash);
    }

    /** Evicts least recently used blocks that are safely on the remote tier, down to the cache bound. */
    public int evict(Set<BlockHash> pinned) throws IOException {
        int n = 0;
        for (BlockHash h : cache.victims(h -> onRemote.contains(h) && !pinned.contains(h))) {
            local.deleteBlock(h);
            droppedLocally(h);
            n++;
        }
        return n;
    }
}
