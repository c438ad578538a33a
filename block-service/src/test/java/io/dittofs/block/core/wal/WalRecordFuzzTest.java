package io.dittofs.block.core.wal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Coverage-guided over WAL record bodies (what replay decodes once a frame's CRC matched, so a
 * torn or hostile disk image): only IllegalArgumentException may come out, and whatever decodes
 * re-encodes.
 */
class WalRecordFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBody(byte[] body) {
        WalRecord r;
        try {
            r = WalCodec.decode(ByteBuffer.wrap(body));
        } catch (IllegalArgumentException corrupt) {
            return;
        }
        if (r == null) {
            throw new AssertionError("decoded to null");
        }
        WalCodec.encode(r);
    }
}
