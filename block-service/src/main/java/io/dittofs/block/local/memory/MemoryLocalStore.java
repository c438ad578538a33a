package io.dittofs.block.local.memory;

import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.Journal;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.NoSpaceException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The local tier in the heap: for tests, benchmarks and throw-away shares. Nothing survives the JVM. */
public final class MemoryLocalStore implements LocalStore {

    private final Map<BlockHash, byte[]> blocks = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();
    private final long quotaBytes;
    private final MemoryJournal journal;
    private volatile byte[] checkpoint;

    /** @param quotaBytes 0 = unlimited */
    public MemoryLocalStore(long quotaBytes) {
        this.quotaBytes = quotaBytes;
        this.journal = new MemoryJournal(this);
    }

    public MemoryLocalStore() {
        this(0);
    }

    void reserve(long bytes, String what) throws NoSpaceException {
        long now = used.addAndGet(bytes);
        if (quotaBytes > 0 && now > quotaBytes) {
            used.addAndGet(-bytes);
            throw new NoSpaceException("memory tier quota of " + quotaBytes + " bytes reached (" + what + ")");
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    @Override
    public void putBlock(BlockHash hash, ByteBuffer content) throws NoSpaceException {
        if (blocks.containsKey(hash)) {
            return;
        }
        byte[] copy = new byte[content.remaining()];
        content.duplicate().get(copy);
        reserve(copy.length, "block " + hash.hex());
        if (blocks.putIfAbsent(hash, copy) != null) {
            release(copy.length);
        }
    }

    @Override
    public void syncBlocks() {
        // nothing to make durable in the heap
    }

    @Override
    public boolean hasBlock(BlockHash hash) {
        return blocks.containsKey(hash);
    }

    @Override
    public ByteBuffer readBlock(BlockHash hash) {
        byte[] b = blocks.get(hash);
        return b == null ? null : ByteBuffer.wrap(b).asReadOnlyBuffer();
    }

    @Override
    public int readBlock(BlockHash hash, long position, ByteBuffer dst) {
        byte[] b = blocks.get(hash);
        if (b == null || position >= b.length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), b.length - position);
        dst.put(b, (int) position, n);
        return n;
    }

    /** The stored array itself, read-only: it is never written after the put. */
    @Override
    public ByteBuffer view(BlockHash hash, long position, int length) {
        byte[] b = blocks.get(hash);
        if (b == null || position < 0 || position + length > b.length) {
            return null;
        }
        return ByteBuffer.wrap(b, (int) position, length).slice().asReadOnlyBuffer();
    }

    /** The heap holds every block: always resident. */
    @Override
    public ByteBuffer residentView(BlockHash hash, long position, int length) {
        return view(hash, position, length);
    }

    @Override
    public boolean deleteBlock(BlockHash hash) {
        byte[] b = blocks.remove(hash);
        if (b != null) {
            release(b.length);
        }
        return b != null;
    }

    @Override
    public Map<BlockHash, Long> listBlocks() {
        Map<BlockHash, Long> out = new HashMap<>();
        blocks.forEach((h, b) -> out.put(h, (long) b.length));
        return out;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    @Override
    public synchronized void writeCheckpoint(ByteBuffer cp) throws NoSpaceException {
        byte[] copy = new byte[cp.remaining()];
        cp.duplicate().get(copy);
        reserve(copy.length, "checkpoint");
        byte[] old = checkpoint;
        checkpoint = copy;
        if (old != null) {
            release(old.length);
        }
    }

    @Override
    public ByteBuffer readCheckpoint() {
        byte[] cp = checkpoint;
        return cp == null ? null : ByteBuffer.wrap(cp).asReadOnlyBuffer();
    }

    @Override
    public long usedBytes() {
        return used.get();
    }

    @Override
    public void close() {
        // the heap is released with the object
    }

    @Override
    public String toString() {
        return "memory";
    }
}
