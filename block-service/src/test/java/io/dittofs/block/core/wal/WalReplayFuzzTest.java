package io.dittofs.block.core.wal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import io.dittofs.block.local.Journal;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Coverage-guided over recycled logs: a log of the current epoch's valid seeded frames, then
 * frames of another generation and any bytes (what a recycled file holds after the live tail).
 * Replay must return the valid frames, never fail, and leave the log so that what is appended
 * next replays too (the cut at the live tail). The WalHeader/WalRecord targets cannot reach this:
 * a seeded frame's checksum only matches when built with its epoch, which random bytes never are.
 */
class WalReplayFuzzTest {

    private static final ByteString ID = ByteString.copyFromUtf8("fuzz");

    @FuzzTest(maxDuration = "30s")
    void anyRecycledTail(FuzzedDataProvider data) throws IOException {
        long epoch = data.consumeLong(1, 4);
        int valid = data.consumeInt(0, 3);
        long staleEpoch = data.consumeLong(0, 4);
        int stale = data.consumeInt(0, 3);
        MemoryLocalStore store = new MemoryLocalStore();
        Journal journal = store.journal();
        journal.append(WalCodec.encode(new WalRecord.Epoch(epoch), null));
        for (int i = 0; i < valid; i++) {
            journal.append(WalCodec.encode(write(i, data.consumeBytes(16)), epoch));
        }
        for (int i = 0; i < stale; i++) {
            // an older generation's frame, or (staleEpoch == epoch) a duplicate that is still valid
            journal.append(WalCodec.encode(write(100 + i, data.consumeBytes(16)), staleEpoch));
        }
        byte[] tail = data.consumeRemainingAsBytes();
        if (tail.length > 0) {
            journal.append(ByteBuffer.wrap(tail));
        }

        WriteAheadLog wal = new WriteAheadLog(journal);
        long replayed = wal.replay(epoch, r -> { });
        long expectedAtLeast = valid + (staleEpoch == epoch ? stale : 0);
        if (replayed < expectedAtLeast) {
            throw new AssertionError("replayed " + replayed + " of " + expectedAtLeast + " valid frames");
        }

        wal.append(write(999, new byte[] {1}));
        long again = new WriteAheadLog(journal).replay(epoch, r -> { });
        if (again != replayed + 1) {
            throw new AssertionError("a record appended after replay did not replay: " + again + " != " + (replayed + 1));
        }
    }

    private static WalRecord.Write write(long offset, byte[] bytes) {
        return new WalRecord.Write(ID, offset * 4096, ByteBuffer.wrap(bytes.length == 0 ? new byte[] {0} : bytes));
    }
}
