package io.dittofs.block.core;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.blockmap.BlockContext;
import io.dittofs.block.core.blockmap.PayloadMap;
import io.dittofs.block.core.wal.WalRecord;
import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/** Every content object by payload id, and how a logged record changes them (live and on replay). */
final class PayloadTable {

    private final ConcurrentHashMap<ByteString, PayloadMap> maps = new ConcurrentHashMap<>();
    private final BlockContext ctx;

    PayloadTable(BlockContext ctx) {
        this.ctx = ctx;
    }

    PayloadMap get(ByteString id) {
        return maps.get(id);
    }

    PayloadMap getOrCreate(ByteString id) {
        return maps.computeIfAbsent(id, k -> new PayloadMap(k, ctx));
    }

    /** The map, or an empty detached one (reads of content never written). */
    PayloadMap getOrEmpty(ByteString id) {
        PayloadMap m = maps.get(id);
        return m != null ? m : new PayloadMap(id, ctx);
    }

    PayloadMap remove(ByteString id) {
        return maps.remove(id);
    }

    Collection<PayloadMap> all() {
        return maps.values();
    }

    /** Applies a record whose preparation already happened (live) or that is replayed (may read blocks). */
    void apply(WalRecord record) throws IOException {
        switch (record) {
            case WalRecord.Epoch e -> {
                // the log's header: nothing to apply
            }
            case WalRecord.Write w -> {
                PayloadMap m = getOrCreate(w.payload());
                m.prepareWrite(w.offset(), w.data().remaining());
                m.applyWrite(w.offset(), w.data());
            }
            case WalRecord.FullBlocks f -> {
                if (f.blockSize() != ctx.blockSize()) {
                    // a checkpoint pins the block size before any record is logged: this is corruption
                    throw new IOException("a logged write of " + f.blockSize() + "-byte blocks in a tier of "
                            + ctx.blockSize() + "-byte blocks");
                }
                getOrCreate(f.payload()).applyFullBlocks(f.offset(), f.blocks());
            }
            case WalRecord.Truncate t -> {
                PayloadMap m = getOrCreate(t.payload());
                m.prepareTruncate(t.size());
                m.applyTruncate(t.size());
            }
            case WalRecord.Allocate a -> getOrCreate(a.payload()).applyAllocate(a.offset(), a.length());
            case WalRecord.Deallocate d -> {
                PayloadMap m = getOrCreate(d.payload());
                m.prepareDeallocate(d.offset(), d.length());
                m.applyDeallocate(d.offset(), d.length());
            }
            case WalRecord.Clone c -> {
                int bs = ctx.blockSize();
                PayloadMap src = getOrEmpty(c.source());
                PayloadMap dst = getOrCreate(c.destination());
                dst.shareBlocks(src, c.sourceOffset() / bs, c.destinationOffset() / bs, (c.length() + bs - 1) / bs);
                dst.extendTo(c.destinationOffset() + c.length());
            }
            case WalRecord.Delete d -> {
                PayloadMap m = remove(d.payload());
                if (m != null) {
                    m.clear();
                }
            }
        }
    }
}
