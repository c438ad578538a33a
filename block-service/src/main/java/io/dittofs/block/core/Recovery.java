package io.dittofs.block.core;

import io.dittofs.block.core.blockmap.CheckpointCodec;
import io.dittofs.block.core.blockmap.Entry;
import io.dittofs.block.core.blockmap.PayloadMap;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.core.wal.WalRecord;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.NoSpaceException;
import io.dittofs.block.remote.RemoteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up: checkpoint → replay of the log of the same epoch → a fresh checkpoint → garbage
 * collection recomputed from the persisted maps (never from counts kept before the restart) →
 * uploads of whatever the maps refer to that the remote tier lacks.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    static BlockEngine open(LocalStore local, RemoteStore remote, EngineSettings settings) throws IOException {
        ByteBuffer raw = local.readCheckpoint();
        CheckpointCodec.Checkpoint cp = raw == null ? null : CheckpointCodec.decode(raw);
        int bs = settings.blockSize();
        if (cp != null && cp.blockSize() != bs) {
            log.warn("local tier was written with {}-byte blocks; keeping that instead of the configured {}", cp.blockSize(), bs);
            bs = cp.blockSize();
        }
        BlockEngine engine = BlockEngine.create(local, remote, settings, bs, cp == null ? 0 : cp.epoch());
        try {
            if (cp != null) {
                for (CheckpointCodec.Payload p : cp.payloads()) {
                    PayloadMap m = engine.table().getOrCreate(p.id());
                    m.restore(p.size(), p.entries());
                    p.entries().values().forEach(e -> {
                        if (e instanceof Entry.Sealed s) {
                            engine.refs().incref(s.hash());
                        }
                    });
                }
            }
            boolean remoteListed = remote != null && listRemote(engine, remote);
            boolean[] cut = new boolean[1];
            long replayed = engine.wal().replayUntil(engine.epoch(), record -> {
                try {
                    if (record instanceof WalRecord.FullBlocks f && !intact(engine, f)) {
                        // Its blocks are fsynced before any force covering it, so this record (and
                        // every later one) was never forced: no stable reply, no COMMIT covered it.
                        cut[0] = true;
                        return false;
                    }
                    engine.table().apply(record);
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (replayed > 0) {
                log.info("replayed {} write-ahead log records", replayed);
            }
            boolean checkpointed = true;
            try {
                engine.checkpoint();
            } catch (NoSpaceException e) {
                if (cut[0]) {
                    // running on this log would append after the records replay ignored: the next replay would lose them
                    throw new NoSpaceException("local tier full at start-up and the write-ahead log ends in writes whose"
                            + " blocks were lost; free space and restart: " + e.getMessage());
                }
                // The log stays authoritative (it is replayed again next time); serve from memory meanwhile.
                checkpointed = false;
                log.warn("local tier full at start-up, running on the write-ahead log until space is freed: {}", e.getMessage());
            }
            if (checkpointed) {
                // Only now do the persisted maps equal the live ones; before, the log might still need an old block.
                collectOrphans(engine, local, remote, remoteListed);
            } else if (remote != null) {
                for (BlockHash h : engine.refs().liveSet()) {
                    if (!engine.content().onRemote().contains(h)) {
                        engine.syncer().upload(h);
                    }
                }
            }
            engine.startTimer();
            return engine;
        } catch (UncheckedIOException e) {
            engine.abandon();
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            engine.abandon();
            throw e;
        }
    }

    private static boolean intact(BlockEngine engine, WalRecord.FullBlocks f) throws IOException {
        for (var h : f.blocks()) {
            if (h.isPresent() && !engine.content().intactForReplay(h.get())) {
                log.warn("write-ahead log: block {} of a write at {} was never synced (lost by the crash); the write was"
                        + " not acknowledged as stable, replay ends there", h.get(), f.offset());
                return false;
            }
        }
        return true;
    }

    /**
     * Learns which blocks the remote tier holds. An unreachable remote tier must not stop the
     * service (the local tier is authoritative): it starts without the listing, re-uploads what
     * the maps refer to (puts of content-named blocks are idempotent) and leaves remote garbage
     * to a later start.
     */
    private static boolean listRemote(BlockEngine engine, RemoteStore remote) {
        String prefix = engine.content().keyPrefix();
        try {
            for (String key : remote.list(prefix)) {
                try {
                    engine.content().onRemote().add(BlockHash.fromHex(key.substring(prefix.length())));
                } catch (IllegalArgumentException e) {
                    log.warn("ignoring foreign object {} on the remote tier", key);
                }
            }
            return true;
        } catch (IOException e) {
            log.warn("remote tier unreachable at start-up, starting without its listing: {}", e.toString());
            return false;
        }
    }

    /** Blocks in either tier that no persisted map refers to: left by a crash between store and checkpoint. */
    private static void collectOrphans(BlockEngine engine, LocalStore local, RemoteStore remote, boolean remoteListed)
            throws IOException {
        Set<BlockHash> live = engine.refs().liveSet();
        int localOrphans = 0;
        for (BlockHash h : local.listBlocks().keySet()) {
            if (!live.contains(h)) {
                local.deleteBlock(h);
                engine.content().droppedLocally(h);
                localOrphans++;
            }
        }
        int remoteOrphans = 0;
        if (remote != null) {
            for (BlockHash h : new HashSet<>(engine.content().onRemote())) {
                if (remoteListed && !live.contains(h)) {
                    engine.syncer().delete(h);
                    remoteOrphans++;
                }
            }
            for (BlockHash h : live) {
                if (!engine.content().onRemote().contains(h)) {
                    engine.syncer().upload(h);
                }
            }
        }
        if (localOrphans + remoteOrphans > 0) {
            log.info("collected {} local and {} remote unreferenced blocks", localOrphans, remoteOrphans);
        }
    }
}
