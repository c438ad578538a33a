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
import io.dittofs.metadata.store.memory.MemoryStore;
import io.dittofs.metadata.store.postgres.PostgresStore;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Namespace operations per backend, called through the generated stub either on the in-process
 * transport (no sockets) or over gRPC/TCP on loopback. Run with the {@code bench} profile:
 * {@code ./mvnw -pl metadata-service -Pbench test-compile exec:exec}. One client thread, so
 * ops/s = 1e6 / mean µs; SampleTime also gives the p50/p99 latencies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class MetadataBenchmark {

    static final int DIR_SIZE = 1000;
    static final Identity ROOT = Identities.root();

    @Param({"memory", "rocksdb", "postgres"})
    public String store;

    @Param({"in-process", "tcp"})
    public String transport;

    private MetadataStore metadataStore;
    private GrpcServerHost host;
    private ManagedChannel channel;
    private MetadataServiceGrpc.MetadataServiceBlockingStub stub;
    private Path tmp;
    private String schema;
    private FileHandle listed;
    private FileHandle createDir;
    private List<FileHandle> files;
    private long created;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        metadataStore = switch (store) {
            case "memory" -> new MemoryStore();
            case "rocksdb" -> {
                tmp = Files.createTempDirectory("md-bench");
                yield new RocksDbStore(tmp, true);
            }
            case "postgres" -> {
                schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                yield PostgresStore.open(PgUrl.URL, "postgres", "", schema, 4);
            }
            default -> throw new IllegalArgumentException(store);
        };
        MetadataGrpcService service = new MetadataGrpcService(new MetadataCore(metadataStore, CoreSettings.defaults()));
        String listen = transport.equals("tcp") ? "127.0.0.1:0" : "in-process:bench-" + UUID.randomUUID();
        host = GrpcServerHost.start(listen, List.of(service));
        channel = ServiceChannels.open(transport.equals("tcp") ? "127.0.0.1:" + host.port() : listen);
        stub = MetadataServiceGrpc.newBlockingStub(channel);
        FileHandle root = stub.getRoot(GetRootRequest.newBuilder().setIdentity(ROOT).setShare("bench").build()).getHandle();
        listed = mkdir(root, "listed");
        createDir = mkdir(root, "created");
        files = new java.util.ArrayList<>();
        for (int i = 0; i < DIR_SIZE; i++) {
            files.add(create(listed, "file-" + i).getHandle());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        host.close();
        metadataStore.close();
        if (schema != null) {
            try (var c = DriverManager.getConnection(PgUrl.URL, "postgres", ""); var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        if (tmp != null) {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private FileHandle mkdir(FileHandle parent, String name) {
        return stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(parent).setName(name)
                .setType(FileType.DIRECTORY).build()).getHandle();
    }

    private CreateResponse create(FileHandle dir, String name) {
        CreateResponse r = stub.create(CreateRequest.newBuilder().setIdentity(ROOT).setDir(dir).setName(name)
                .setType(FileType.REGULAR).build());
        if (r.getStatus() != Status.OK) {
            throw new IllegalStateException("create " + name + ": " + r.getStatus());
        }
        return r;
    }

    @Benchmark
    public CreateResponse create() {
        return create(createDir, "n" + (created++));
    }

    @Benchmark
    public LookupResponse lookup() {
        return stub.lookup(LookupRequest.newBuilder().setIdentity(ROOT).setDir(listed)
                .setName("file-" + ThreadLocalRandom.current().nextInt(DIR_SIZE)).build());
    }

    @Benchmark
    public GetAttrResponse getattr() {
        return stub.getAttr(GetAttrRequest.newBuilder().setIdentity(ROOT)
                .setHandle(files.get(ThreadLocalRandom.current().nextInt(DIR_SIZE))).build());
    }

    /** One READDIRPLUS-style page of 100 entries with handles and attributes. */
    @Benchmark
    public ReadDirResponse readdirPlus100() {
        return stub.readDir(ReadDirRequest.newBuilder().setIdentity(ROOT).setDir(listed).setMaxEntries(100)
                .setWithAttrs(true).build());
    }

    static final class PgUrl {
        static final String URL = System.getProperty("dittofs.bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }
}
