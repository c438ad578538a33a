package io.dittofs.block.core;

import io.dittofs.block.core.blockmap.CheckpointCodec;
import io.dittofs.block.core.blockmap.Entry;
import io.dittofs.block.core.blockmap.PayloadMap;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.core.cas.ContentStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One checkpoint, run under the engine's exclusive lock, which keeps every mutation out; reads
 * go on (they take only a payload's monitor), so maps are changed only under their monitor. Order is what makes it crash-safe:
 * (1) store sealed blocks and fsync them, (2) write the new checkpoint (atomic rename), (3) start
 * a new log generation tagged with the new epoch, (4) only then delete unreferenced blocks — at
 * that point neither the persisted maps nor the log can refer to them — and queue uploads of
 * blocks the persisted maps now refer to.
 */
final class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final byte[] ZEROS = new byte[64 * 1024];

    private record Seal(PayloadMap map, long index, Entry entry) {
    }

    private final BlockEngine engine;

    Checkpointer(BlockEngine engine) {
        this.engine = engine;
    }

    long run(long epoch) throws IOException {
        int bs = engine.blockSize();
        ContentStore content = engine.content();
        List<Seal> seals = new ArrayList<>();
        Set<BlockHash> stored = new LinkedHashSet<>();
        try {
            for (PayloadMap m : engine.table().all()) {
                for (Map.Entry<Long, Entry> e : m.blocks().entrySet()) {
                    byte[] data = switch (e.getValue()) {
                        case Entry.Dirty d -> d.data();
                        // small writes into a sealed block are merged into a new block only now
                        case Entry.Patched p -> m.merged(e.getKey());
                        default -> null;
                    };
                    if (data != null) {
                        int len = (int) Math.max(0, Math.min(bs, m.size() - e.getKey() * bs));
                        if (allZero(data, len)) {
                            seals.add(new Seal(m, e.getKey(), Entry.ZERO));
                            continue;
                        }
                        BlockHash h = BlockHash.of(data, 0, len);
                        if (!content.has(h)) {
                            content.put(h, ByteBuffer.wrap(data, 0, len));
                            stored.add(h);
                        }
                        seals.add(new Seal(m, e.getKey(), new Entry.Sealed(h, len)));
                    }
                }
            }
            content.local().syncBlocks();
        } catch (IOException | RuntimeException e) {
            // Nothing refers to the blocks stored so far: drop them so a full disk gets its room back.
            for (BlockHash h : stored) {
                try {
                    content.local().deleteBlock(h);
                    content.droppedLocally(h);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        for (Seal s : seals) {
            // readers hold only the monitor, not the checkpoint lock (BlockEngine.read)
            synchronized (s.map()) {
                s.map().seal(s.index(), s.entry());
            }
        }
        long next = epoch + 1;
        engine.content().local().writeCheckpoint(CheckpointCodec.encode(next, bs, engine.table().all()));
        engine.wal().reset(next);
        collect();
        Set<BlockHash> direct = engine.drainDirectBlocks();
        if (engine.syncer() != null) {
            for (Seal s : seals) {
                if (s.entry() instanceof Entry.Sealed sealed && !content.onRemote().contains(sealed.hash())) {
                    engine.syncer().upload(sealed.hash());
                }
            }
            // blocks of whole-block writes: sealed when written, persisted in the maps only now
            for (BlockHash h : direct) {
                if (engine.refs().live(h) && !content.onRemote().contains(h)) {
                    engine.syncer().upload(h);
                }
            }
        }
        log.debug("checkpoint {}: sealed {} blocks ({} new)", next, seals.size(), stored.size());
        return next;
    }

    private static boolean allZero(byte[] data, int len) {
        for (int off = 0; off < len; off += ZEROS.length) {
            int n = Math.min(ZEROS.length, len - off);
            if (!Arrays.equals(data, off, off + n, ZEROS, 0, n)) {
                return false;
            }
        }
        return true;
    }

    /** Deletes blocks no map refers to any more, locally now and remotely through the syncer. */
    private void collect() {
        ContentStore content = engine.content();
        for (BlockHash h : engine.refs().drainDead()) {
            try {
                content.local().deleteBlock(h);
                content.droppedLocally(h);
            } catch (IOException e) {
                log.warn("could not delete unreferenced block {} (collected again at the next start): {}", h, e.toString());
            }
            if (engine.syncer() != null) {
                engine.syncer().delete(h);
            }
        }
    }
}
