package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.local.Journal;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Stable writes return only after a force that covers them, and concurrent writers share forces. */
class GroupCommitTest {

    /** A journal that counts forces, remembers how far the last one reached, and is slow to force. */
    static final class CountingJournal implements Journal {
        final Journal inner;
        final AtomicInteger forces = new AtomicInteger();
        final AtomicLong forcedEnd = new AtomicLong();
        final ThreadLocal<Long> myEnd = new ThreadLocal<>();

        CountingJournal(Journal inner) {
            this.inner = inner;
        }

        @Override
        public long append(ByteBuffer... parts) throws IOException {
            long len = 0;
            for (ByteBuffer p : parts) {
                len += p.remaining();
            }
            long start = inner.append(parts);
            myEnd.set(start + len);
            return start;
        }

        @Override
        public void force() throws IOException {
            long end = inner.size();
            try {
                Thread.sleep(3); // a disk's fsync takes time: that is what makes sharing pay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inner.force();
            forces.incrementAndGet();
            forcedEnd.accumulateAndGet(end, Math::max);
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public int read(long position, ByteBuffer dst) throws IOException {
            return inner.read(position, dst);
        }

        @Override
        public void reset() throws IOException {
            inner.reset();
            forcedEnd.set(0);
        }

        @Override
        public void recycle() throws IOException {
            inner.recycle();
            forcedEnd.set(0);
        }

        @Override
        public void cut(long end) throws IOException {
            inner.cut(end);
        }
    }

    /** Delegates everything but the journal. */
    record Wrapped(LocalStore inner, CountingJournal journal) implements LocalStore {
        public void putBlock(BlockHash h, ByteBuffer c) throws IOException { inner.putBlock(h, c); }
        public void syncBlocks() throws IOException { inner.syncBlocks(); }
        public boolean hasBlock(BlockHash h) { return inner.hasBlock(h); }
        public ByteBuffer readBlock(BlockHash h) throws IOException { return inner.readBlock(h); }
        public int readBlock(BlockHash h, long p, ByteBuffer d) throws IOException { return inner.readBlock(h, p, d); }
        public boolean deleteBlock(BlockHash h) throws IOException { return inner.deleteBlock(h); }
        public Map<BlockHash, Long> listBlocks() throws IOException { return inner.listBlocks(); }
        public void writeCheckpoint(ByteBuffer c) throws IOException { inner.writeCheckpoint(c); }
        public ByteBuffer readCheckpoint() throws IOException { return inner.readCheckpoint(); }
        public long usedBytes() { return inner.usedBytes(); }
        public void close() throws IOException { inner.close(); }
    }

    @Test
    void concurrentStableWritersShareForcesAndNeverReturnEarly() throws Exception {
        MemoryLocalStore mem = new MemoryLocalStore();
        CountingJournal j = new CountingJournal(mem.journal());
        int threads = 16;
        int perThread = 40;
        AtomicInteger early = new AtomicInteger();
        try (BlockEngine e = BlockEngine.open(new Wrapped(mem, j), null, EngineSettings.defaults().withLimits(1L << 30, 1L << 30))) {
            int before = j.forces.get();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        e.write(id("g" + tt), i * 4096L, ByteBuffer.wrap(bytes(i, 4096)), true);
                        if (j.forcedEnd.get() < j.myEnd.get()) {
                            early.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
            int forces = j.forces.get() - before;
            assertThat(early.get()).isZero();
            assertThat(forces).isLessThan(threads * perThread / 2);
        }
    }
}
