package io.dittofs.block.local;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The raw append-only device under the write-ahead log. Framing, checksums, epochs and group
 * commit live in {@code core.wal}; a backend only stores bytes in order and makes them durable.
 */
public interface Journal {

    /** Appends all parts contiguously; returns the position of the first byte. Nothing is appended on failure. */
    long append(ByteBuffer... parts) throws IOException;

    /**
     * Like {@link #append} if that needs no I/O (a device that gathers records in memory and has
     * room), else -1 with nothing appended: for a caller that must not wait. By default -1.
     */
    default long appendWithoutIo(ByteBuffer... parts) throws IOException {
        return -1;
    }

    /** Makes every appended byte durable (fdatasync for the fs tier). */
    void force() throws IOException;

    long size() throws IOException;

    /** Positional read; returns bytes read, -1 at the end. */
    int read(long position, ByteBuffer dst) throws IOException;

    /** Drops everything (after a checkpoint made it redundant) and makes the truncation durable. */
    void reset() throws IOException;

    /**
     * Like {@link #reset}, but the device keeps its space and the next generation overwrites it:
     * appending into pages the file already has costs far less than growing a file (no block
     * allocation, no zeroing of fresh page-cache pages, a cheaper fdatasync), at the price of stale
     * bytes of earlier generations after the new generation's end. Only a log whose frames tell
     * generations apart may recycle (epoch-seeded frames, {@code core.wal.WalCodec}); the
     * drop need not be durable, since the first record of a generation names its epoch.
     */
    default void recycle() throws IOException {
        reset();
    }

    /** Drops everything from {@code end} on (a torn or stale tail found by replay) and makes that durable. */
    void cut(long end) throws IOException;
}
