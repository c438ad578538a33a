package io.dittofs.block.health;

import io.dittofs.block.config.BlockStores;
import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.service.Probe;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health of the standalone block-service (component-scanned; the launcher does not load it). */
@Configuration(proxyBeanMethods = false)
public class BlockHealthConfiguration {

    /** A hash no block has: looking it up touches the local tier without reading data. */
    private static final BlockHash PROBE = BlockHash.fromBytes(new byte[BlockHash.BYTES]);

    /** "blockStores": the local tier answers a lookup, the remote tier (if any) a listing of an empty prefix. */
    @Bean
    HealthIndicator blockStoresHealthIndicator(BlockStores stores) {
        return () -> {
            Health local = Probe.of(() -> stores.local().hasBlock(PROBE)).build();
            Health remote = stores.remote() == null ? Health.up().withDetail("kind", "none").build()
                    : Probe.of(() -> stores.remote().list("dittofs-health-probe/")).build();
            boolean up = local.getStatus().equals(Status.UP) && remote.getStatus().equals(Status.UP);
            return (up ? Health.up() : Health.down()).withDetail("local", local.getStatus().getCode())
                    .withDetail("remote", stores.remote() == null ? "none" : remote.getStatus().getCode()).build();
        };
    }
}
