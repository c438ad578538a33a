package io.dittofs.block.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.blockmap.CheckpointCodec;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.core.wal.WalCodec;
import io.dittofs.block.core.wal.WalRecord;
import io.dittofs.block.core.wal.WriteAheadLog;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded randomized tests: decoders never trust a length, torn logs replay a clean prefix. */
class WalCodecFuzzTest {

    static WalRecord random(Random r) {
        ByteString id = ByteString.copyFrom(EngineFixture.bytes(r.nextLong(), 1 + r.nextInt(40)));
        long a = r.nextLong() & Long.MAX_VALUE;
        long b = r.nextLong() & Long.MAX_VALUE;
        return switch (r.nextInt(7)) {
            case 5 -> fullBlocks(r, id);
            case 0 -> new WalRecord.Write(id, a, ByteBuffer.wrap(EngineFixture.bytes(r.nextLong(), r.nextInt(5000))));
            case 1 -> new WalRecord.Truncate(id, a);
            case 2 -> new WalRecord.Allocate(id, a, b);
            case 3 -> new WalRecord.Deallocate(id, a, b);
            case 4 -> new WalRecord.Clone(id, a, ByteString.copyFromUtf8("d"), b, r.nextInt(1 << 20));
            default -> new WalRecord.Delete(id);
        };
    }

    static WalRecord.FullBlocks fullBlocks(Random r, ByteString id) {
        int bs = 1 << (12 + r.nextInt(9));
        List<Optional<BlockHash>> blocks = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
            blocks.add(r.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(BlockHash.of(EngineFixture.bytes(r.nextLong(), 1 + r.nextInt(100)), 0, 1)));
        }
        return new WalRecord.FullBlocks(id, (long) r.nextInt(1 << 20) * bs, bs, blocks);
    }

    /** The whole-block record's geometry comes from the disk: every field is checked before use. */
    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void fullBlocksRecordsRoundTripAndBadGeometryIsRejected(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            WalRecord.FullBlocks f = fullBlocks(r, ByteString.copyFromUtf8("p" + i));
            ByteBuffer body = body(f);
            assertThat(WalCodec.decode(body.duplicate())).isEqualTo(f);
            // layout: type, version, id length, id, offset u64, block size u32, count u32, blocks
            int fixed = 3 + f.payload().size();
            assertRejected(body, 1, (byte) 2);                                  // unknown version
            assertRejected(putLong(body, fixed, f.offset() + 1), -1, (byte) 0);   // unaligned offset
            assertRejected(putLong(body, fixed, Long.MIN_VALUE), -1, (byte) 0);   // negative offset
            assertRejected(putInt(body, fixed + 8, f.blockSize() + 1), -1, (byte) 0); // not a power of two
            assertRejected(putInt(body, fixed + 8, 1 << 27), -1, (byte) 0);      // beyond 64 MiB
            assertRejected(putInt(body, fixed + 12, 0), -1, (byte) 0);           // no blocks
            assertRejected(putInt(body, fixed + 12, Integer.MAX_VALUE), -1, (byte) 0); // more than the bytes
            assertRejected(putInt(body, fixed + 12, f.blocks().size() + 1), -1, (byte) 0); // one past the end
            assertRejected(body, fixed + 16, (byte) 7);                          // bad block kind
            ByteBuffer longer = ByteBuffer.allocate(body.remaining() + 1).put(body.duplicate()).put((byte) 0).flip();
            assertRejected(longer, -1, (byte) 0);                                // trailing byte
        }
    }

    private static ByteBuffer body(WalRecord rec) {
        ByteBuffer[] parts = WalCodec.encode(rec);
        ByteBuffer b = ByteBuffer.allocate(parts[0].remaining() - WalCodec.HEADER + parts[1].remaining());
        b.put(parts[0].duplicate().position(WalCodec.HEADER)).put(parts[1].duplicate());
        return b.flip();
    }

    private static ByteBuffer putLong(ByteBuffer body, int at, long v) {
        ByteBuffer copy = ByteBuffer.allocate(body.remaining()).put(body.duplicate()).flip();
        return copy.putLong(at, v);
    }

    private static ByteBuffer putInt(ByteBuffer body, int at, int v) {
        ByteBuffer copy = ByteBuffer.allocate(body.remaining()).put(body.duplicate()).flip();
        return copy.putInt(at, v);
    }

    /** at < 0: the body as it is; else with that byte replaced. */
    private static void assertRejected(ByteBuffer body, int at, byte v) {
        ByteBuffer copy = ByteBuffer.allocate(body.remaining()).put(body.duplicate()).flip();
        if (at >= 0) {
            copy.put(at, v);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WalCodec.decode(copy))
                .isInstanceOf(IllegalArgumentException.class);
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
                if (junk[0] == 8 && junk.length > 1 && r.nextBoolean()) {
                    junk[1] = 1; // the known version: get past it into the fields
                }
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
