package io.dittofs.block.core;

import static io.dittofs.block.core.EngineFixture.bytes;
import static io.dittofs.block.core.EngineFixture.id;
import static io.dittofs.block.core.EngineFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BlockEngine#readIfResident} answers exactly what {@link BlockEngine#read} answers whenever
 * it answers, answers from memory (dirty blocks, overlays, holes, verified mapped resident blocks),
 * and declines (null) what needs I/O: a sealed block this process has not verified and mapped yet.
 */
class ResidentReadTest {

    static final int BS = 64 * 1024;
    /** No timer checkpoint: the tests decide what is sealed and what is still dirty. */
    static final EngineSettings SETTINGS;

    static {
        EngineSettings d = EngineSettings.defaults();
        SETTINGS = new EngineSettings(BS, d.dirtyLimitBytes(), d.walLimitBytes(), Duration.ofHours(1), 0,
                d.remotePrefix(), Duration.ofMillis(10), Duration.ofMillis(200));
    }

    @TempDir
    Path dir;

    @Test
    void sealedBlocksAnswerOnceVerifiedAndMappedAndNotBefore() throws Exception {
        Path root = dir.resolve("local");
        byte[] model = bytes(1, 4 * BS + 1000);
        try (FsLocalStore local = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(local, null, SETTINGS)) {
            write(e, "p", 0, model, true);
            e.checkpoint();
        }
        // a new process: nothing verified or mapped yet
        try (FsLocalStore local = new FsLocalStore(root, 0); BlockEngine e = BlockEngine.open(local, null, SETTINGS)) {
            assertThat(e.readIfResident(id("p"), BS + 100, 4096)).as("unverified, unmapped block: needs I/O").isNull();
            assertThat(e.read(id("p"), BS, 10).data()).isEqualTo(Arrays.copyOfRange(model, BS, BS + 10));
            // the blocking read verified and mapped block 1; its pages were just written: resident
            Results.Read r = e.readIfResident(id("p"), BS + 100, 4096);
            assertThat(r).as("mapped, verified, resident").isNotNull();
            assertThat(r.data()).isEqualTo(Arrays.copyOfRange(model, BS + 100, BS + 100 + 4096));
            assertThat(r.eof()).isFalse();
            assertThat(r.size()).isEqualTo(model.length);
            assertThat(e.readIfResident(id("p"), 2 * BS, 4096)).as("block 2 still unmapped").isNull();

            // a small write patches block 1: the overlay is applied over the resident base
            byte[] patch = bytes(2, 300);
            write(e, "p", BS + 200, patch, false);
            System.arraycopy(patch, 0, model, BS + 200, patch.length);
            assertThat(e.readIfResident(id("p"), BS + 100, 4096).data())
                    .isEqualTo(Arrays.copyOfRange(model, BS + 100, BS + 100 + 4096));
            // a range that reaches an unmapped block declines as a whole
            assertThat(e.readIfResident(id("p"), 2 * BS - 10, 100)).isNull();
        }
    }

    @Test
    void dirtyDataHolesAndEndsAnswerFromMemory() throws Exception {
        try (FsLocalStore local = new FsLocalStore(dir.resolve("local"), 0); BlockEngine e = BlockEngine.open(local, null, SETTINGS)) {
            byte[] data = bytes(3, BS + 500);
            write(e, "d", 3L * BS, data, false); // blocks 0-2 are holes, 3 and 4 dirty
            byte[] expected = new byte[4 * BS + 500];
            System.arraycopy(data, 0, expected, 3 * BS, data.length);
            Results.Read all = e.readIfResident(id("d"), 0, expected.length + 999);
            assertThat(all).isNotNull();
            assertThat(all.data()).isEqualTo(expected);
            assertThat(all.eof()).isTrue();
            Results.Read past = e.readIfResident(id("d"), expected.length + 5, 10);
            assertThat(past.length()).isZero();
            assertThat(past.eof()).isTrue();
            Results.Read none = e.readIfResident(id("never-written"), 0, 4096);
            assertThat(none.length()).isZero();
            assertThat(none.eof()).isTrue();
        }
    }

    /** Random reads over sealed, patched, dirty and hole blocks: every answer equals the blocking read's. */
    @Test
    void everyAnswerEqualsTheBlockingRead() throws Exception {
        for (boolean fs : new boolean[] {true, false}) {
            LocalStore local = fs ? new FsLocalStore(dir.resolve("cmp"), 0) : new MemoryLocalStore();
            try (local; BlockEngine e = BlockEngine.open(local, null, SETTINGS)) {
                Random r = new Random(5);
                write(e, "p", 0, bytes(7, 6 * BS), true);
                write(e, "p", 9L * BS, bytes(8, 1000), true); // blocks 6-8 holes, 9 short
                e.checkpoint();
                for (int i = 0; i < 20; i++) {
                    write(e, "p", r.nextInt(10 * BS), bytes(100 + i, 1 + r.nextInt(3000)), false);
                }
                write(e, "p", 4L * BS, bytes(9, BS), false); // a dirty block
                int answered = 0;
                for (int i = 0; i < 400; i++) {
                    long off = r.nextInt(11 * BS);
                    int n = 1 + r.nextInt(i % 2 == 0 ? 4096 : 3 * BS);
                    Results.Read fast = e.readIfResident(id("p"), off, n);
                    Results.Read slow = e.read(id("p"), off, n); // maps and verifies what it touches
                    if (fast != null) {
                        answered++;
                        assertThat(fast.data()).as("%s read at %d+%d", fs ? "fs" : "memory", off, n).isEqualTo(slow.data());
                        assertThat(fast.eof()).isEqualTo(slow.eof());
                        assertThat(fast.size()).isEqualTo(slow.size());
                    }
                }
                assertThat(answered).as("most reads answer once the blocks are mapped").isGreaterThan(200);
            }
        }
    }
}
