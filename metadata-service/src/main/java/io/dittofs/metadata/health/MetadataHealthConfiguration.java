package io.dittofs.metadata.health;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.service.Probe;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health of the standalone metadata-service (component-scanned; the launcher does not load it). */
@Configuration(proxyBeanMethods = false)
public class MetadataHealthConfiguration {

    /** "metadataStore": a read transaction succeeds (RocksDB open, PostgreSQL reachable). */
    @Bean
    HealthIndicator metadataStoreHealthIndicator(MetadataStore store) {
        return () -> Probe.of(() -> store.read(tx -> Boolean.TRUE)).withDetail("kind", store.kind()).build();
    }
}
