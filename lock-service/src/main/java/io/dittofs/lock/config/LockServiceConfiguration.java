package io.dittofs.lock.config;

import io.dittofs.lock.core.LockCore;
import io.dittofs.lock.core.LockSettings;
import io.dittofs.lock.grpc.LockGrpcService;
import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.store.memory.MemoryLockStore;
import io.dittofs.lock.store.postgres.PostgresLockStore;
import io.dittofs.lock.store.rocksdb.RocksDbLockStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The lock-service's beans: the store chosen by {@code dittofs.lock.store}, the core (with its
 * housekeeping thread) and the gRPC service. Starts no server: the standalone application or the
 * launcher hosts {@link LockGrpcService}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LockProperties.class)
public class LockServiceConfiguration {

    static final String STORES = "memory, rocksdb, postgres";

    @Bean(destroyMethod = "close")
    public LockStore lockStore(LockProperties props, Environment env) {
        LockSettings settings = validate(props);
        String kind = props.store() == null ? "" : props.store().trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "memory" -> new MemoryLockStore();
            case "rocksdb" -> {
                String path = props.rocksdb().path();
                if (path == null || path.isBlank()) {
                    path = env.getProperty("dittofs.data-dir", "./data") + "/lock";
                }
                yield new RocksDbLockStore(Path.of(path), props.rocksdb().sync());
            }
            case "postgres" -> {
                LockProperties.Postgres pg = props.postgres();
                yield PostgresLockStore.open(pg.url(), pg.username(), pg.password(), pg.schema(), pg.poolSize());
            }
            default -> throw new IllegalArgumentException("dittofs.lock.store must be one of " + STORES
                    + " (got '" + props.store() + "'); set dittofs.lock.store (env DITTOFS_LOCK_STORE)");
        };
    }

    @Bean(destroyMethod = "close")
    public LockCore lockCore(LockStore store, LockProperties props) {
        return LockCore.system(store, validate(props));
    }

    @Bean
    public LockGrpcService lockGrpcService(LockCore core) {
        return new LockGrpcService(core);
    }

    /** Checks every number and returns the core's settings; messages name the property and the fix. */
    static LockSettings validate(LockProperties props) {
        if (props.graceSeconds() < 0 || props.graceSeconds() > 3600) {
            throw new IllegalArgumentException("dittofs.lock.grace-seconds must be 0..3600 (got " + props.graceSeconds()
                    + "); 90 is the NFSv4 default lease-based grace");
        }
        if (props.breakTimeoutSeconds() < 1 || props.breakTimeoutSeconds() > 3600) {
            throw new IllegalArgumentException("dittofs.lock.break-timeout-seconds must be 1..3600 (got "
                    + props.breakTimeoutSeconds() + "); SMB clients expect 35");
        }
        if (props.postgres().poolSize() < 1 || props.postgres().poolSize() > 64) {
            throw new IllegalArgumentException("dittofs.lock.postgres.pool-size must be 1..64 (got "
                    + props.postgres().poolSize() + ")");
        }
        return new LockSettings(Duration.ofSeconds(props.graceSeconds()), Duration.ofSeconds(props.breakTimeoutSeconds()));
    }
}
