package io.dittofs.block.core.wal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.block.local.Journal;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recycled log file keeps the bytes of earlier generations after the live tail; the epoch in
 * every frame's checksum makes them end the replay, and replay cuts them off so later appends
 * replay too.
 */
class RecycledLogTest {

    private static final ByteString ID = ByteString.copyFromUtf8("payload-1");

    @TempDir
    Path dir;

    private Path logFile() {
        return dir.resolve("wal.log");
    }

    private static WalRecord.Write write(long offset, int fill) {
        byte[] data = new byte[4096];
        java.util.Arrays.fill(data, (byte) fill);
        return new WalRecord.Write(ID, offset, ByteBuffer.wrap(data));
    }

    private static List<Long> offsets(WriteAheadLog wal, long epoch) throws IOException {
        List<Long> out = new ArrayList<>();
        wal.replay(epoch, r -> out.add(((WalRecord.Write) r).offset()));
        return out;
    }

    @Test
    void aRecycledFileKeepsItsLengthAndStaleFramesDoNotReplay() throws IOException {
        long fullLength;
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            WriteAheadLog wal = new WriteAheadLog(store.journal());
            wal.reset(1);
            for (int i = 0; i < 10; i++) {
                wal.append(write(i * 4096L, i));
            }
            wal.syncAll();
            fullLength = Files.size(logFile());
            wal.reset(2);
            wal.append(write(100 * 4096L, 1));
            wal.append(write(101 * 4096L, 2));
            wal.syncAll();
            assertThat(Files.size(logFile())).as("the second generation overwrote the first in place").isEqualTo(fullLength);
            assertThat(wal.size()).isLessThan(fullLength);
        }
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            WriteAheadLog wal = new WriteAheadLog(store.journal());
            assertThat(offsets(wal, 2)).containsExactly(100 * 4096L, 101 * 4096L);
            assertThat(Files.size(logFile())).as("the stale tail was cut").isEqualTo(wal.size()).isLessThan(fullLength);
            wal.append(write(102 * 4096L, 3));
            wal.syncAll();
        }
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            assertThat(offsets(new WriteAheadLog(store.journal()), 2)).containsExactly(100 * 4096L, 101 * 4096L, 102 * 4096L);
        }
    }

    @Test
    void theFirstResetOfAnInstanceTruncatesALogOfUnseededFrames() throws IOException {
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            // what a binary from before recycling leaves: an epoch and unseeded frames
            Journal j = store.journal();
            j.append(WalCodec.encode(new WalRecord.Epoch(1)));
            for (int i = 0; i < 10; i++) {
                j.append(WalCodec.encode(write(i * 4096L, i)));
            }
            j.force();
        }
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            WriteAheadLog wal = new WriteAheadLog(store.journal());
            assertThat(offsets(wal, 1)).hasSize(10);
            wal.reset(2);
            assertThat(Files.size(logFile())).as("truncated: unseeded stale frames would replay").isEqualTo(wal.size());
            wal.append(write(7, 1));
            wal.syncAll();
            wal.reset(3);
            wal.append(write(8, 1));
            wal.syncAll();
        }
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            assertThat(offsets(new WriteAheadLog(store.journal()), 3)).containsExactly(8L);
        }
    }

    @Test
    void appendsAfterReplayingALogOfAnotherEpochReplayNextTime() throws IOException {
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            WriteAheadLog wal = new WriteAheadLog(store.journal());
            wal.reset(1);
            wal.append(write(0, 1));
            wal.syncAll();
        }
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            WriteAheadLog wal = new WriteAheadLog(store.journal());
            assertThat(offsets(wal, 5)).as("another checkpoint's log").isEmpty();
            wal.append(write(4096, 2)); // running on the log without a checkpoint (a full disk at start-up)
            wal.syncAll();
        }
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            assertThat(offsets(new WriteAheadLog(store.journal()), 5)).containsExactly(4096L);
        }
    }

    @Test
    void aTornTailIsCutSoThatLaterAppendsReplay() throws IOException {
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            WriteAheadLog wal = new WriteAheadLog(store.journal());
            wal.reset(1);
            for (int i = 0; i < 3; i++) {
                wal.append(write(i, i));
            }
            wal.syncAll();
        }
        try (FileChannel ch = FileChannel.open(logFile(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer torn = ByteBuffer.allocate(100);
            torn.putInt(WalCodec.MAGIC_SEEDED).putInt(4000).flip(); // a header whose body never made it
            ch.write(torn);
        }
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            WriteAheadLog wal = new WriteAheadLog(store.journal());
            assertThat(offsets(wal, 1)).containsExactly(0L, 1L, 2L);
            wal.append(write(3, 3));
            wal.syncAll();
        }
        try (FsLocalStore store = new FsLocalStore(dir, 0)) {
            assertThat(offsets(new WriteAheadLog(store.journal()), 1)).containsExactly(0L, 1L, 2L, 3L);
        }
    }

    @Test
    void aSeededFrameChecksOnlyUnderItsOwnEpoch() {
        ByteBuffer[] parts = WalCodec.encode(write(0, 9), 7L);
        ByteBuffer header = parts[0].duplicate();
        assertThat(header.getInt(0)).isEqualTo(WalCodec.MAGIC_SEEDED);
        ByteBuffer body = ByteBuffer.allocate(header.getInt(4));
        body.put(parts[0].duplicate().position(WalCodec.HEADER)).put(parts[1].duplicate()).flip();
        assertThat(WalCodec.checksumOk(header, body, 7L)).isTrue();
        assertThat(WalCodec.checksumOk(header, body, 8L)).isFalse();
        assertThat(WalCodec.checksumOk(header, body, null)).isFalse();
        ByteBuffer[] epoch = WalCodec.encode(new WalRecord.Epoch(7), 7L);
        assertThat(epoch[0].getInt(0)).as("epoch records stay unseeded: they name the seed").isEqualTo(WalCodec.MAGIC);
    }

    @Test
    void aMemoryJournalIsCutLikeAFile() throws IOException {
        MemoryLocalStore store = new MemoryLocalStore();
        WriteAheadLog wal = new WriteAheadLog(store.journal());
        wal.reset(1);
        wal.append(write(0, 1));
        wal.append(write(1, 1));
        long two = wal.size();
        store.journal().append(ByteBuffer.wrap(new byte[] {1, 2, 3})); // garbage after the last frame
        WriteAheadLog again = new WriteAheadLog(store.journal());
        assertThat(offsets(again, 1)).containsExactly(0L, 1L);
        assertThat(again.size()).isEqualTo(two);
    }
}
