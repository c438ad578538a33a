package io.dittofs.gateway.share;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dittofs.contracts.control.ConfigView;
import io.dittofs.contracts.control.ConfigWatchClient;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Coverage-guided: a share snapshot file (read from disk at start-up) decodes or is refused with
 * {@link ShareSnapshotFile.CorruptSnapshotException}, and whatever decodes the registry accepts
 * without throwing. An input whose first byte is odd is a payload: the header and CRC are fixed up
 * around the rest so the payload behind them is explored (a real file starts with an even 'D').
 * One target per class: Jazzer fuzzes one per JVM.
 */
class ShareSnapshotFuzzTest {

    private static final WatchShareRegistry REGISTRY =
            new WatchShareRegistry(new ConfigWatchClient("in-process:share-snapshot-fuzz-unused", "fuzz"));

    @FuzzTest(maxDuration = "30s")
    void anyFile(byte[] bytes) {
        if (bytes.length > 0 && (bytes[0] & 1) == 1) {
            check(withHeader(java.util.Arrays.copyOfRange(bytes, 1, bytes.length)));
        } else {
            check(bytes);
        }
    }

    private static byte[] withHeader(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(ShareSnapshotFile.HEADER + payload.length).put(ShareSnapshotFile.MAGIC)
                .putInt(ShareSnapshotFile.VERSION).putInt(payload.length).putInt((int) crc.getValue()).put(payload).array();
    }

    private static void check(byte[] bytes) {
        ConfigView view;
        try {
            view = ShareSnapshotFile.decode(bytes);
        } catch (ShareSnapshotFile.CorruptSnapshotException refused) {
            return;
        }
        if (view == null) {
            throw new AssertionError("decode returned null");
        }
        REGISTRY.apply(view);
        if (REGISTRY.all().size() > view.shares().size()) {
            throw new AssertionError("more shares exported than the snapshot holds");
        }
    }
}
