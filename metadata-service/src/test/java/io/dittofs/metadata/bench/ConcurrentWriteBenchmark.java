package io.dittofs.metadata.bench;

import io.dittofs.contracts.Identities;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.common.v1.Identity;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.dittofs.contracts.metadata.v1.*;
import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.store.postgres.PostgresStore;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.*;

/**
 * Durable namespace writes from many clients at once (8 threads, each creating files in its own
 * directory, in-process transport): what group commit is for. Throughput mode, ops/s summed over
 * the threads. Run: {@code ./mvnw -pl metadata-service -Pbench test-compile exec:exec
 * -Djmh.args="ConcurrentWriteBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(8)
public class ConcurrentWriteBenchmark {

    static final Identity ROOT = Identities.root();

    @Param({"rocksdb", "postgres"})
    public String store;

    private MetadataStore metadataStore;
    private GrpcServerHost host;
    private ManagedChannel channel;
    private MetadataServiceGrpc.MetadataServiceBlockingStub stub;
    private FileHandle root;
    private Path tmp;
    private String schema;
    private final AtomicInteger dirs = new AtomicInteger();

    @State(Scope.Thread)
    public static class Writer {
        FileHandle dir;
        long created;

        @Setup(Level.Trial)
        public void setUp(ConcurrentWriteBenchmark b) {
            dir = b.stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(b.root)
                    .setName("d" + b.dirs.incrementAndGet()).setType(FileType.DIRECTORY).build()).getHandle();
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        metadataStore = switch (store) {
            case "rocksdb" -> {
                tmp = Files.createTempDirectory("md-bench");
                yield new RocksDbStore(tmp, true);
            }
            case "postgres" -> {
                schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                yield PostgresStore.open(MetadataBenchmark.PgUrl.URL, "postgres", "", schema, 8);
            }
            default -> throw new IllegalArgumentException(store);
        };
        MetadataGrpcService service = new MetadataGrpcService(new MetadataCore(metadataStore, CoreSettings.defaults()));
        String listen = "in-process:bench-" + UUID.randomUUID();
        host = GrpcServerHost.start(listen, List.of(service));
        channel = ServiceChannels.open(listen);
        stub = MetadataServiceGrpc.newBlockingStub(channel);
        root = stub.getRoot(GetRootRequest.newBuilder().setIdentity(ROOT).setShare("bench").build()).getHandle();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        host.close();
        metadataStore.close();
        if (schema != null) {
            try (var c = DriverManager.getConnection(MetadataBenchmark.PgUrl.URL, "postgres", ""); var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        if (tmp != null) {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public CreateResponse create(Writer w) {
        CreateResponse r = stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(w.dir)
                .setName("n" + (w.created++)).setType(FileType.REGULAR).build());
        if (r.getStatus() != Status.OK) {
            throw new IllegalStateException("create: " + r.getStatus());
        }
        return r;
    }
}
