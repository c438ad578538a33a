package io.dittofs.metadata.config;

import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.grpc.coherence.InvalidationHub;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.store.memory.MemoryStore;
import io.dittofs.metadata.store.postgres.PostgresStore;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.metadata.content.BlockContentReleaser;
import io.dittofs.metadata.core.content.ContentReleaser;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The metadata-service's beans: the store chosen by {@code dittofs.metadata.store}, the core and
 * the gRPC service. Starts no server: the standalone application or the launcher hosts
 * {@link MetadataGrpcService}. PostgreSQL gets its own pool and Flyway history; nothing here
 * uses Spring Boot's DataSource, JPA or Flyway auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetadataProperties.class)
public class MetadataServiceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MetadataServiceConfiguration.class);

    static final String STORES = "memory, rocksdb, postgres";

    @Bean(destroyMethod = "close")
    public MetadataStore metadataStore(MetadataProperties props, Environment env) {
        String kind = props.store() == null ? "" : props.store().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case "memory" -> new MemoryStore();
            case "rocksdb" -> {
                String path = props.rocksdb().path();
                if (path == null || path.isBlank()) {
                    path = env.getProperty("dittofs.data-dir", "./data") + "/metadata";
                }
                Duration async = props.rocksdb().asyncNamespace();
                if (async != null && (async.isNegative() || async.isZero() || async.compareTo(Duration.ofSeconds(10)) > 0)) {
                    throw new IllegalArgumentException("dittofs.metadata.rocksdb.async-namespace must be between 1ms and 10s"
                            + " (got " + async + "); leave it unset for namespace changes durable before the reply");
                }
                if (async != null) {
                    log.warn("dittofs.metadata.rocksdb.async-namespace={}: namespace changes are acknowledged before they"
                            + " are synced; a power failure may lose those of the last {}", async, async);
                }
                yield new RocksDbStore(Path.of(path), props.rocksdb().sync(), async);
            }
            case "postgres" -> {
                MetadataProperties.Postgres pg = props.postgres();
                yield PostgresStore.open(pg.url(), pg.username(), pg.password(), pg.schema(), pg.poolSize());
            }
            default -> throw new IllegalArgumentException("dittofs.metadata.store must be one of " + STORES
                    + " (got '" + props.store() + "')");
        };
    }

    @Bean(destroyMethod = "close")
    public MetadataCore metadataCore(MetadataStore store, MetadataProperties props) {
        Duration retry = props.content().retryInterval();
        if (retry == null || retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("dittofs.metadata.content.retry-interval must be positive (got " + retry + ")");
        }
        String target = props.content().blockTarget().trim();
        if (target.isEmpty()) {
            log.warn("dittofs.metadata.content.block-target is not set: content released by REMOVE and shrinking"
                    + " SETATTR is not reclaimed by this metadata-service");
        }
        MetadataCore core = new MetadataCore(store, settings(props),
                target.isEmpty() ? ContentReleaser.NONE : new BlockContentReleaser(ServiceChannels.open(target)), retry);
        core.drain().start();
        return core;
    }

    /** Gateway attribute caches: how long a silent gateway may hold up a mutation (dittofs.metadata.cache-lease). */
    @Bean(destroyMethod = "close")
    public InvalidationHub metadataInvalidationHub(MetadataProperties props) {
        return new InvalidationHub(props.cacheLease());
    }

    @Bean
    public MetadataGrpcService metadataGrpcService(MetadataCore core, InvalidationHub hub) {
        return new MetadataGrpcService(core, hub);
    }

    static CoreSettings settings(MetadataProperties props) {
        int mode;
        try {
            mode = Integer.parseInt(props.shareRoot().mode(), 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dittofs.metadata.share-root.mode must be an octal mode 0000..7777 (got '"
                    + props.shareRoot().mode() + "')", e);
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("dittofs.metadata.share-root.mode must be an octal mode 0000..7777 (got '"
                    + props.shareRoot().mode() + "')");
        }
        if (props.maxReaddirEntries() < 1 || props.maxReaddirEntries() > 65536) {
            throw new IllegalArgumentException("dittofs.metadata.max-readdir-entries must be 1..65536 (got "
                    + props.maxReaddirEntries() + ")");
        }
        if (props.fs().totalBytes() <= 0 || props.fs().totalFiles() <= 0) {
            throw new IllegalArgumentException("dittofs.metadata.fs.total-bytes and total-files must be positive");
        }
        return new CoreSettings(mode, props.shareRoot().uid(), props.shareRoot().gid(), props.fs().totalBytes(),
                props.fs().totalFiles(), props.maxReaddirEntries());
    }
}
