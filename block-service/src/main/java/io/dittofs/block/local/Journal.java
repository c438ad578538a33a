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

    /** Makes every appended byte durable (fdatasync for the fs tier). */
    void force() throws IOException;

    long size() throws IOException;

    /** Positional read; returns bytes read, -1 at the end. */
    int read(long position, ByteBuffer dst) throws IOException;

    /** Drops everything (after a checkpoint made it redundant) and makes the truncation durable. */
    void reset() throws IOException;
}
