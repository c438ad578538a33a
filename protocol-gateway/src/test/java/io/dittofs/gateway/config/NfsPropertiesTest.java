package io.dittofs.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The transport limits bind from dittofs.nfs.* with their defaults; inconsistent values name the property and the fix. */
class NfsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NfsProperties.class)
    static class Props {
    }

    /** Binds and validates as the application does; a refused value is thrown. */
    static NfsProperties bind(Map<String, String> props) {
        AtomicReference<NfsProperties> bound = new AtomicReference<>();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Props.class)
                .withPropertyValues(props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run(ctx -> {
                    if (ctx.getStartupFailure() != null) {
                        throw ctx.getStartupFailure();
                    }
                    bound.set(ctx.getBean(NfsProperties.class));
                });
        return bound.get();
    }

    @Test
    void defaultsGiveTheDocumentedTransportLimits() {
        var t = bind(Map.of()).transport();
        assertThat(t.maxConnections()).isEqualTo(1024);
        assertThat(t.maxConnectionsPerAddress()).isEqualTo(256);
        assertThat(t.reservedConnections()).isEqualTo(64);
        assertThat(t.firstFrameTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.frameDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(t.maxUnsentBytesPerConnection()).isEqualTo(4 << 20);
        assertThat(t.maxBufferedBytes()).isEqualTo(256L << 20);
    }

    @Test
    void overridesBind() {
        var p = bind(Map.of("dittofs.nfs.max-connections-per-address", "8", "dittofs.nfs.record-deadline", "2s",
                "dittofs.nfs.max-buffered-bytes", "8388608"));
        assertThat(p.transport().maxConnectionsPerAddress()).isEqualTo(8);
        assertThat(p.transport().frameDeadline()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.transport().maxBufferedBytes()).isEqualTo(8L << 20);
    }

    @Test
    void inconsistentValuesNameThePropertyAndTheFix() {
        assertThatThrownBy(() -> bind(Map.of("dittofs.nfs.reserved-connections", "1024")))
                .rootCause().hasMessageContaining("dittofs.nfs.reserved-connections=1024")
                .hasMessageContaining("max-connections");
        assertThatThrownBy(() -> bind(Map.of("dittofs.nfs.record-deadline", "0s")))
                .rootCause().hasMessageContaining("dittofs.nfs.record-deadline").hasMessageContaining("positive");
        assertThatThrownBy(() -> bind(Map.of("dittofs.nfs.max-buffered-bytes", "1000000")))
                .rootCause().hasMessageContaining("dittofs.nfs.max-buffered-bytes");
    }
}
