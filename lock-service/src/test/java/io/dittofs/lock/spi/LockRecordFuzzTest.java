package io.dittofs.lock.spi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;

/** Coverage-guided over the four lock-state record decoders: only StoreException may come out. */
class LockRecordFuzzTest {

    private static final ByteString ID = ByteString.copyFromUtf8("id");

    @FuzzTest(maxDuration = "30s")
    void everyRecordKind(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 3);
        byte[] v = data.consumeRemainingAsBytes();
        try {
            Object decoded = switch (kind) {
                case 0 -> RecordCodec.client(ID, v);
                case 1 -> RecordCodec.open(ID, v);
                case 2 -> RecordCodec.lock(ID, v);
                default -> RecordCodec.grant(ID, v);
            };
            if (decoded == null) {
                throw new AssertionError("kind " + kind + " decoded to null");
            }
        } catch (StoreException corrupt) {
            // refused as corrupt
        }
    }
}
