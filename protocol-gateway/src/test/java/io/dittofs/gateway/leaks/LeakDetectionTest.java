package io.dittofs.gateway.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

/** The leak check itself: paranoid level is on, and a dropped buffer is reported and fails the check. */
class LeakDetectionTest {

    @Test
    void paranoidLevelIsOnInTheTestJvm() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void aDroppedBufferIsReportedAndFailsTheCheck() throws InterruptedException {
        leakOne();
        AssertionError reported = null;
        // the GC decides when the buffer is collected; retry until it was (bounded)
        for (int i = 0; i < 50 && reported == null; i++) {
            try {
                FailOnLeakExtension.check("LeakDetectionTest");
            } catch (AssertionError e) {
                reported = e;
            }
        }
        assertThat(reported).as("the dropped buffer was reported").isNotNull();
        assertThat(reported).hasMessageContaining("leak").hasMessageContaining("leakOne");
    }

    private static void leakOne() {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        b.writeLong(42);
        // dropped without release(): the detector sees it once the GC has collected it
    }
}
