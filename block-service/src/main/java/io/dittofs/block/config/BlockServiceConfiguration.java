package io.dittofs.block.config;

import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.grpc.BlockGrpcService;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.block.remote.RemoteStore;
import io.dittofs.block.remote.memory.MemoryRemoteStore;
import io.dittofs.block.remote.s3.S3RemoteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The block-service's beans: the tiers chosen by {@code dittofs.block.local.kind} and
 * {@code dittofs.block.remote.kind}, the engine and the gRPC service. Starts no server: the
 * standalone application or the launcher hosts {@link BlockGrpcService}. On shutdown the engine
 * checkpoints (flushes) before the tiers are closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlockProperties.class)
public class BlockServiceConfiguration {

    static final String LOCAL_KINDS = "fs, memory";
    static final String REMOTE_KINDS = "none, memory, s3";

    @Bean(destroyMethod = "close")
    public BlockStores blockStores(BlockProperties props, Environment env) throws IOException {
        LocalStore local = local(props, env);
        try {
            return new BlockStores(local, remote(props));
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    @Bean(destroyMethod = "close")
    public BlockEngine blockEngine(BlockStores stores, BlockProperties props) throws IOException {
        return BlockEngine.open(stores.local(), stores.remote(), settings(props));
    }

    @Bean
    public BlockGrpcService blockGrpcService(BlockEngine engine) {
        return new BlockGrpcService(engine);
    }

    static LocalStore local(BlockProperties props, Environment env) throws IOException {
        BlockProperties.Local l = props.local();
        if (l.cacheMaxBytes() < 0) {
            throw new IllegalArgumentException("dittofs.block.local.cache-max-bytes must be >= 0 (0 = unbounded), got " + l.cacheMaxBytes());
        }
        if (l.quotaBytes() < 0) {
            throw new IllegalArgumentException("dittofs.block.local.quota-bytes must be >= 0 (0 = no quota), got " + l.quotaBytes());
        }
        return switch (norm(l.kind())) {
            case "fs" -> {
                String path = l.path();
                if (path == null || path.isBlank()) {
                    path = env.getProperty("dittofs.data-dir", "./data") + "/blocks";
                }
                yield new FsLocalStore(Path.of(path), l.quotaBytes(), l.mappedReads());
            }
            case "memory" -> new MemoryLocalStore(l.quotaBytes());
            default -> throw new IllegalArgumentException("dittofs.block.local.kind must be one of " + LOCAL_KINDS
                    + " (got '" + l.kind() + "')");
        };
    }

    static RemoteStore remote(BlockProperties props) {
        return switch (norm(props.remote().kind())) {
            case "none" -> null;
            case "memory" -> new MemoryRemoteStore();
            case "s3" -> {
                BlockProperties.S3 s = props.remote().s3();
                if (s.bucket().isBlank()) {
                    throw new IllegalArgumentException("dittofs.block.remote.s3.bucket must be set when dittofs.block.remote.kind=s3");
                }
                yield new S3RemoteStore(new S3RemoteStore.Settings(s.endpoint(), s.region(), s.bucket(), s.accessKey(),
                        s.secretKey(), s.pathStyle(), s.prefix(), s.timeout()));
            }
            default -> throw new IllegalArgumentException("dittofs.block.remote.kind must be one of " + REMOTE_KINDS
                    + " (got '" + props.remote().kind() + "')");
        };
    }

    static EngineSettings settings(BlockProperties props) {
        long bs = props.blockSize();
        if (bs < 4096 || bs > (64 << 20) || Long.bitCount(bs) != 1) {
            throw new IllegalArgumentException("dittofs.block.block-size must be a power of two from 4096 to 67108864 (got " + bs + ")");
        }
        if (props.dirtyLimitBytes() < bs) {
            throw new IllegalArgumentException("dittofs.block.dirty-limit-bytes must be at least block-size (got " + props.dirtyLimitBytes() + ")");
        }
        if (props.walLimitBytes() < bs) {
            throw new IllegalArgumentException("dittofs.block.wal-limit-bytes must be at least block-size (got " + props.walLimitBytes() + ")");
        }
        if (props.checkpointInterval().isNegative() || props.checkpointInterval().isZero()) {
            throw new IllegalArgumentException("dittofs.block.checkpoint-interval must be positive (got " + props.checkpointInterval() + ")");
        }
        int workers = props.remote().uploadParallelism();
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("dittofs.block.remote.upload-parallelism must be from 1 to 256 (got " + workers + ")");
        }
        int readAhead = props.remote().readAheadBlocks();
        if (readAhead < 0 || readAhead > 256) {
            throw new IllegalArgumentException("dittofs.block.remote.read-ahead-blocks must be from 0 to 256 (got " + readAhead + ")");
        }
        if (props.hashBehindBytes() < 0) {
            throw new IllegalArgumentException("dittofs.block.hash-behind-bytes must be 0 (off) or positive (got "
                    + props.hashBehindBytes() + ")");
        }
        EngineSettings d = EngineSettings.defaults();
        return new EngineSettings((int) bs, props.dirtyLimitBytes(), props.walLimitBytes(), props.checkpointInterval(),
                props.local().cacheMaxBytes(), d.remotePrefix(), d.initialBackoff(), d.maxBackoff(), workers, readAhead,
                props.hashBehindBytes());
    }

    private static String norm(String kind) {
        return kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
    }
}
