package io.dittofs.block.local;

import io.dittofs.block.core.cas.BlockHash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The local tier SPI: sealed blocks by content hash, the write-ahead log device and the
 * checkpoint (the persisted block maps). Every implementation passes the LocalStore conformance
 * suite. Implementations are thread-safe.
 */
public interface LocalStore extends AutoCloseable {

    /** Stores a sealed block; durable once {@link #syncBlocks()} returns. Idempotent for the same hash. */
    void putBlock(BlockHash hash, ByteBuffer content) throws IOException;

    /** Makes every block put so far durable (fsync of files and directories), also those of {@link #putBlockUnsynced}. */
    void syncBlocks() throws IOException;

    /**
     * Stores a block without making it durable yet (no fsync): it becomes durable, content and
     * name, at the next {@link #syncUnsynced()} or {@link #syncBlocks()}. For whole blocks written
     * by clients, whose log record is forced later (or never). When the block is already stored it
     * is not written again, but it is still synced by the next call: it may be the unsynced file of
     * a process that crashed. The default stores durably at once.
     */
    default void putBlockUnsynced(BlockHash hash, ByteBuffer content) throws IOException {
        putBlock(hash, content);
    }

    /**
     * Makes the blocks of {@link #putBlockUnsynced} durable (files, then their directories).
     * Called before every force of the write-ahead log, so it costs nothing when there are none.
     */
    default void syncUnsynced() throws IOException {
    }

    boolean hasBlock(BlockHash hash);

    /** Reads the whole block, or null when it is not stored locally. Not verified against the hash. */
    ByteBuffer readBlock(BlockHash hash) throws IOException;

    /** Reads from a block at position into dst; returns bytes read (-1 at its end or when absent). */
    int readBlock(BlockHash hash, long position, ByteBuffer dst) throws IOException;

    /**
     * A read-only view of a block's bytes [position, position + length), lent instead of copied,
     * or null when this store does not lend (the caller then copies with {@link #readBlock(BlockHash,
     * long, ByteBuffer)}). Blocks are immutable (named by their content), so a view stays valid and
     * unchanged for as long as it is referenced, also after the block is deleted. Not verified.
     */
    default ByteBuffer view(BlockHash hash, long position, int length) throws IOException {
        return null;
    }

    /**
     * Like {@link #view}, but only when lending the bytes needs no I/O at all: no open, no mapping,
     * no page fault that reads the device (a resident mapped page, or a heap copy); else null. For
     * callers that must not block (see {@code BlockEngine#readIfResident}). A hint: the OS may drop
     * a page between the check and the caller's copy, which then faults it back in.
     */
    default ByteBuffer residentView(BlockHash hash, long position, int length) {
        return null;
    }

    /** Returns true when the block existed. */
    boolean deleteBlock(BlockHash hash) throws IOException;

    /** Every block stored locally with its size. Unparseable names are ignored (and logged). */
    Map<BlockHash, Long> listBlocks() throws IOException;

    Journal journal();

    /** Replaces the checkpoint atomically and durably: after a crash the old or the new one is read whole. */
    void writeCheckpoint(ByteBuffer checkpoint) throws IOException;

    /** The last checkpoint written, or null when there is none. */
    ByteBuffer readCheckpoint() throws IOException;

    /** Bytes the tier currently holds (blocks + journal + checkpoint). */
    long usedBytes();

    @Override
    void close() throws IOException;
}
