package io.dittofs.block.core;

import io.dittofs.block.core.blockmap.BlockContext;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.core.cas.ContentStore;
import io.dittofs.block.core.gc.RefCounts;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What block maps see of the engine: sealed content, reference counts, dirty accounting. */
record EngineBlockContext(int blockSize, ContentStore content, RefCounts refs, AtomicInteger dirty, AtomicLong overlay,
                          SealedMasks masks)
        implements BlockContext {

    @Override
    public void readSealed(BlockHash hash, long pos, byte[] dst, int off, int len) throws IOException {
        content.read(hash, pos, dst, off, len);
    }

    @Override
    public java.nio.ByteBuffer viewSealed(BlockHash hash, long pos, int len) throws IOException {
        return content.view(hash, pos, len);
    }

    @Override
    public java.nio.ByteBuffer residentSealed(BlockHash hash, long pos, int len) {
        return content.residentView(hash, pos, len);
    }

    /** Reads the block once per hash and granule; later answers come from {@link SealedMasks}. */
    @Override
    public long sealedDataMask(BlockHash hash, int length, int g) throws IOException {
        Long known = masks.get(hash, g);
        if (known != null) {
            return known;
        }
        long mask = BlockContext.super.sealedDataMask(hash, length, g);
        masks.put(hash, g, mask);
        return mask;
    }

    @Override
    public void incref(BlockHash hash) {
        refs.incref(hash);
    }

    @Override
    public void decref(BlockHash hash) {
        refs.decref(hash);
    }

    @Override
    public void dirtyBlocks(int delta) {
        dirty.addAndGet(delta);
    }

    @Override
    public void overlayBytes(long delta) {
        overlay.addAndGet(delta);
    }
}
