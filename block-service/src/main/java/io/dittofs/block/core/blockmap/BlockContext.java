package io.dittofs.block.core.blockmap;

import io.dittofs.block.core.cas.BlockHash;
import java.io.IOException;
import java.nio.ByteBuffer;

/** What a block map needs from the engine: the block size, sealed content, reference and dirty accounting. */
public interface BlockContext {

    int blockSize();

    /** Copies a sealed block's bytes [pos, pos+len) into dst (verified against the hash). */
    void readSealed(BlockHash hash, long pos, byte[] dst, int off, int len) throws IOException;

    /**
     * Which g-byte pieces of a sealed block hold a nonzero byte (bit i = piece i), see
     * {@link PayloadMap#dataMask(byte[], int, int)}. Content addressing makes the answer a function
     * of the hash, so an implementation may remember it.
     */
    default long sealedDataMask(BlockHash hash, int length, int g) throws IOException {
        byte[] buf = new byte[length];
        readSealed(hash, 0, buf, 0, length);
        return PayloadMap.dataMask(buf, length, g);
    }

    /** A sealed block's bytes [pos, pos+len) lent, not copied (verified), or null: then use {@link #readSealed}. */
    default ByteBuffer viewSealed(BlockHash hash, long pos, int len) throws IOException {
        return null;
    }

    /** Like {@link #viewSealed}, but null unless that needs no I/O (resident, already verified). */
    default ByteBuffer residentSealed(BlockHash hash, long pos, int len) {
        return null;
    }

    void incref(BlockHash hash);

    void decref(BlockHash hash);

    /** Called with +1/-1 as blocks become dirty or stop being dirty. */
    void dirtyBlocks(int delta);

    /** Called as overlays of patched blocks grow or go away (bytes held in the heap). */
    void overlayBytes(long delta);
}
