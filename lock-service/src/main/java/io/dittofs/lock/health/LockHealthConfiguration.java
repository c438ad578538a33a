package io.dittofs.lock.health;

import io.dittofs.lock.spi.LockStore;
import io.dittofs.service.Probe;
import java.util.List;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health of the standalone lock-service (component-scanned; the launcher does not load it). */
@Configuration(proxyBeanMethods = false)
public class LockHealthConfiguration {

    /** "lockStore": an empty batch is applied (fails once the store is closed or the database is unreachable). */
    @Bean
    HealthIndicator lockStoreHealthIndicator(LockStore store) {
        return () -> Probe.of(() -> store.apply(List.of())).withDetail("kind", store.kind()).build();
    }
}
