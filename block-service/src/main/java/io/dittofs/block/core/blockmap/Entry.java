package io.dittofs.block.core.blockmap;

import io.dittofs.block.core.cas.BlockHash;

/** What one block of a payload holds. A missing entry is a hole. */
public sealed interface Entry {

    /** Content stored once under its hash; length may be shorter than the block (the file's last block). */
    record Sealed(BlockHash hash, int length) implements Entry {
    }

    /** Reserved (Allocate) or written as zeros: reads zeros, counts as allocated, stores nothing. */
    record Zero() implements Entry {
    }

    /**
     * A sealed block with small writes on top (since the last checkpoint; the writes are in the WAL
     * too): reads merge the two, the checkpoint seals the merge. Avoids reading a whole sealed block
     * for a small write.
     */
    record Patched(Sealed base, Overlay overlay) implements Entry {
    }

    /** Written since the last checkpoint; lives in the heap (and in the WAL) until it is sealed. */
    record Dirty(byte[] data) implements Entry {
    }

    Zero ZERO = new Zero();
}
