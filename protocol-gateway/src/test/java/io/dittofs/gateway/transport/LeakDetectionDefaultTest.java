package io.dittofs.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dittofs.gateway.config.GatewayProperties;
import io.netty.util.ResourceLeakDetector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** dittofs.gateway.netty-leak-detection: off unless configured, and the configured level is applied. */
class LeakDetectionDefaultTest {

    private static GatewayProperties bind(Map<String, String> props) {
        return new Binder(new MapConfigurationPropertySource(props)).bindOrCreate("dittofs.gateway", GatewayProperties.class);
    }

    @Test
    void aRunningServerTracksNoBuffersUnlessConfigured() {
        assertThat(bind(Map.of()).nettyLeakDetection()).isEqualTo("disabled");
        assertThat(bind(Map.of("dittofs.gateway.netty-leak-detection", "simple")).nettyLeakDetection()).isEqualTo("simple");
    }

    @Test
    void theConfiguredLevelIsApplied() {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        try {
            assertThat(LeakDetection.apply("disabled")).isEqualTo(ResourceLeakDetector.Level.DISABLED);
            assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
            assertThat(LeakDetection.apply(" Advanced ")).isEqualTo(ResourceLeakDetector.Level.ADVANCED);
            assertThatThrownBy(() -> LeakDetection.apply("sometimes")).isInstanceOf(IllegalArgumentException.class);
        } finally {
            ResourceLeakDetector.setLevel(before);
        }
        assertThat(ResourceLeakDetector.getLevel()).as("the test JVM's paranoid level is back").isEqualTo(before);
    }
}
