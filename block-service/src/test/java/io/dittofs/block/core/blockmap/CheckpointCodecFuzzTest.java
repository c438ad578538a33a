package io.dittofs.block.core.blockmap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Coverage-guided over checkpoint files. The fuzzer's bytes get a valid CRC32C appended, so it
 * explores the structure behind the checksum (a file written by a buggy or hostile writer): only
 * IllegalArgumentException may come out.
 */
class CheckpointCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyCheckpoint(byte[] bytes) {
        ByteBuffer file = ByteBuffer.allocate(bytes.length + 4).put(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        file.putInt((int) crc.getValue()).flip();
        try {
            if (CheckpointCodec.decode(file) == null) {
                throw new AssertionError("decoded to null");
            }
        } catch (IllegalArgumentException corrupt) {
            // refused: the block service falls back to the previous checkpoint plus WAL replay
        }
    }
}
