package io.dittofs.gateway.leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer while it ran (auto-registered for every
 * test class of this module via META-INF/services and junit-platform.properties). Leaks are only
 * seen once the buffer is garbage-collected and a later allocation polls the reference queue, so
 * this collects and allocates before checking; a leak that surfaces only later is charged to a
 * later class, with the allocation trace naming the real culprit.
 */
public final class FailOnLeakExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        check(context.getDisplayName());
    }

    static void check(String what) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            // each tracked allocation polls the detector's reference queue and reports what it finds
            for (int i = 0; i < 8; i++) {
                release(UnpooledByteBufAllocator.DEFAULT.heapBuffer(8));
                release(UnpooledByteBufAllocator.DEFAULT.directBuffer(8));
                release(PooledByteBufAllocator.DEFAULT.heapBuffer(8));
                release(PooledByteBufAllocator.DEFAULT.directBuffer(8));
            }
        }
        List<String> leaks = RecordingLeakDetector.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) reported while " + what
                    + " ran:\n" + String.join("\n\n", leaks));
        }
    }

    private static void release(ByteBuf b) {
        b.release();
    }
}
