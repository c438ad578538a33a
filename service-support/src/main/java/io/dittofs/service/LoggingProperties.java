package io.dittofs.service;

import io.dittofs.contracts.grpc.SlowCalls;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dittofs.logging.*}: {@code slow-call-threshold} (env DITTOFS_LOGGING_SLOWCALLTHRESHOLD), a
 * duration such as 500ms or 2s, 0 = off; see {@link SlowCalls}.
 */
@ConfigurationProperties("dittofs.logging")
public record LoggingProperties(@DefaultValue("500ms") Duration slowCallThreshold) {

    public SlowCalls slowCalls() {
        return new SlowCalls(slowCallThreshold);
    }
}
