package io.dittofs.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

/** A running server tracks no buffers unless asked; a level given by property always wins. */
class LeakDetectionDefaultTest {

    @Test
    void aConfiguredLevelIsKept() {
        // the test JVM runs with -Dio.netty.leakDetection.level=paranoid (protocol-gateway's pom)
        assertThat(System.getProperty(LeakDetection.LEVEL_PROPERTY)).isEqualToIgnoringCase("paranoid");
        assertThat(LeakDetection.offUnlessConfigured()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void withoutAPropertyTrackingIsOff() {
        String given = System.clearProperty(LeakDetection.LEVEL_PROPERTY);
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        try {
            assertThat(LeakDetection.offUnlessConfigured()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
        } finally {
            System.setProperty(LeakDetection.LEVEL_PROPERTY, given);
            ResourceLeakDetector.setLevel(before);
        }
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }
}
