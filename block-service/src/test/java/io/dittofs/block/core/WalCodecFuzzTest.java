package io.dittofs.block.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.blockmap.CheckpointCodec;
import io.dittofs.block.core.wal.WalCodec;
import io.dittofs.block.core.wal.WalRecord;
import io.dittofs.block.core.wal.WriteAheadLog;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded randomized tests: decoders never trust a length, torn logs replay a clean prefix. */
class WalCodecFuzzTest {

    static WalRecord random(Random r) {
        ByteString id = ByteString.copyFrom(EngineFixture.bytes(r.nextLong(), 1 + r.nextInt(40)));
        long a = r.nextLong() & Long.MAX_VALUE;
        long b = r.nextLong() & Long.MAX_VALUE;
        return switch (r.nextInt(6)) {
            case 0 -> new WalRecord.Write(id, a, ByteBuffer.wrap(EngineFixture.bytes(r.nextLong(), r.nextInt(5000))));
            case 1 -> new WalRecord.Truncate(id, a);
            case 2 -> new WalRecord.Allocate(id, a, b);
            case 3 -> new WalRecord.Deallocate(id, a, b);
            case 4 -> new WalRecord.Clone(id, a, ByteString.copyFromUtf8("d"), b, r.nextInt(1 << 20));
            default -> new WalRecord.Delete(id);
        };
    }

    static String describe(WalRecord rec) {
        ByteBuffer[] parts = WalCodec.encode(rec);
        return java.util.HexFormat.of().formatHex(ByteString.copyFrom(parts[0]).concat(ByteString.copyFrom(parts[1])).toByteArray());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void tornOrCorruptLogsReplayAPrefix(long seed) throws Exception {
        Random r = new Random(seed);
        MemoryLocalStore store = new MemoryLocalStore();
        WriteAheadLog wal = new WriteAheadLog(store.journal());
        wal.reset(7);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            WalRecord rec = random(r);
            wal.append(rec);
            written.add(describe(rec));
        }
        ByteBuffer all = ByteBuffer.allocate((int) store.journal().size());
        store.journal().read(0, all);
        for (int round = 0; round < 200; round++) {
            byte[] damaged = all.array().clone();
            int len = damaged.length;
            if (r.nextBoolean()) {
                len = r.nextInt(damaged.length);
            } else {
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    damaged[r.nextInt(damaged.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            MemoryLocalStore copy = new MemoryLocalStore();
            copy.journal().append(ByteBuffer.wrap(damaged, 0, len));
            List<String> replayed = new ArrayList<>();
            new WriteAheadLog(copy.journal()).replay(7, rec -> replayed.add(describe(rec)));
            assertThat(written.subList(0, replayed.size())).isEqualTo(replayed);
        }
        List<String> whole = new ArrayList<>();
        new WriteAheadLog(store.journal()).replay(7, rec -> whole.add(describe(rec)));
        assertThat(whole).isEqualTo(written);
        assertThat(new WriteAheadLog(store.journal()).replay(8, rec -> whole.add("x"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void decodersRejectGarbageWithIllegalArgumentOnly(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            byte[] junk = EngineFixture.bytes(r.nextLong(), r.nextInt(200));
            if (junk.length > 0) {
                junk[0] = (byte) (1 + r.nextInt(8));
            }
            try {
                WalCodec.decode(ByteBuffer.wrap(junk));
            } catch (IllegalArgumentException expected) {
                // the only acceptable failure
            }
            try {
                CheckpointCodec.decode(ByteBuffer.wrap(junk));
            } catch (IllegalArgumentException expected) {
                // the only acceptable failure
            }
        }
    }
}
