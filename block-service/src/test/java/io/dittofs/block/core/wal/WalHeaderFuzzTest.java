package io.dittofs.block.core.wal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Coverage-guided over WAL frame headers: the body length read from a header is -1 (not a frame) or
 * one the bytes after it can back, never more than the maximum body. (A class of its own: Jazzer
 * fuzzes one target per JVM.)
 */
class WalHeaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyHeader(byte[] header) {
        if (header.length < WalCodec.HEADER) {
            return;
        }
        int len = WalCodec.bodyLength(ByteBuffer.wrap(header), header.length - WalCodec.HEADER);
        if (len != -1 && (len < 1 || len > header.length - WalCodec.HEADER || len > WalCodec.MAX_BODY)) {
            throw new AssertionError("a length the file cannot back: " + len);
        }
    }
}
