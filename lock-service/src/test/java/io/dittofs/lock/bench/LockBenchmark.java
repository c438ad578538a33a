package io.dittofs.lock.bench;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.lock.v1.LockResponse;
import io.dittofs.contracts.lock.v1.Protocol;
import io.dittofs.lock.core.DirectApi;
import io.dittofs.lock.core.Fx;
import io.dittofs.lock.core.LockCore;
import io.dittofs.lock.core.LockSettings;
import io.dittofs.lock.grpc.GrpcApi;
import io.dittofs.lock.grpc.LockGrpcService;
import io.dittofs.lock.spi.LockStore;
import io.dittofs.lock.store.memory.MemoryLockStore;
import io.dittofs.lock.store.rocksdb.RocksDbLockStore;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.*;

/**
 * Lock + unlock round trips per second, directly on the core (the op classes, no channel), over
 * the in-process gRPC transport and over gRPC/TCP on loopback; on the memory store and on RocksDB
 * (fsync per batch, the embedded default; {@code rocksdb-nosync}: WAL written without fsync, which
 * survives a process kill but not a power loss). Four client threads:
 * <ul>
 *   <li>{@code uncontended}: each thread locks and unlocks its own file;</li>
 *   <li>{@code contended}: all threads try the same exclusive range without blocking, and unlock
 *       when they got it (a DENIED answer is a round trip too).</li>
 * </ul>
 * Run: {@code ./mvnw -B -o -pl lock-service -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LockBenchmark {

    @Param({"core", "in-process", "tcp"})
    public String transport;

    @Param({"memory", "rocksdb", "rocksdb-nosync"})
    public String store;

    private LockStore lockStore;
    private LockCore core;
    private GrpcServerHost server;
    private ManagedChannel channel;
    private Path dir;
    Fx fx;
    ByteString client;
    final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (store.startsWith("rocksdb")) {
            dir = Files.createTempDirectory("lock-bench");
            lockStore = new RocksDbLockStore(dir, store.equals("rocksdb"));
        } else {
            lockStore = new MemoryLockStore();
        }
        core = LockCore.system(lockStore, LockSettings.defaults());
        if (transport.equals("core")) {
            fx = new Fx(new DirectApi(core.table()));
        } else {
            String listen = transport.equals("tcp") ? "127.0.0.1:0" : "in-process:lock-bench-" + UUID.randomUUID();
            server = GrpcServerHost.start(listen, List.of(new LockGrpcService(core)));
            channel = ServiceChannels.open(transport.equals("tcp") ? "127.0.0.1:" + server.port() : listen);
            fx = new Fx(new GrpcApi(channel));
        }
        client = fx.client(Protocol.NLM, "bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
        core.close();
        lockStore.close();
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @State(Scope.Thread)
    public static class Me {
        String owner;
        String file;

        @Setup(Level.Trial)
        public void setUp(LockBenchmark b) {
            int n = b.threads.incrementAndGet();
            owner = "thread-" + n;
            file = "own-file-" + n;
        }
    }

    @Benchmark
    public Status uncontended(Me me) {
        fx.lock(client, me.owner, me.file, 0, 0, true);
        return fx.unlock(client, me.owner, me.file, 0, 0);
    }

    @Benchmark
    public Status contended(Me me) {
        LockResponse r = fx.lock(client, me.owner, "shared-file", 0, 100, true);
        if (r.getStatus() == Status.OK) {
            return fx.unlock(client, me.owner, "shared-file", 0, 100);
        }
        return r.getStatus();
    }
}
