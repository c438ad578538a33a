package io.dittofs.block.bench;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.grpc.BlockGrpcService;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import io.dittofs.contracts.block.v1.BlockServiceGrpc;
import io.dittofs.contracts.block.v1.CommitRequest;
import io.dittofs.contracts.block.v1.ReadRequest;
import io.dittofs.contracts.block.v1.Stability;
import io.dittofs.contracts.block.v1.WriteRequest;
import io.dittofs.contracts.common.v1.PayloadId;
import io.dittofs.contracts.grpc.GrpcServerHost;
import io.dittofs.contracts.grpc.ServiceChannels;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;

/**
 * Throughput harness (not part of the test run): sequential 1 MiB and random 4 KiB writes/reads
 * for the fs and memory tiers, in-process and over gRPC on loopback, against FileChannel writes
 * to the same disk as the physical limit. Run:
 * {@code ./mvnw -o -pl block-service exec:java -Dexec.classpathScope=test
 *  -Dexec.mainClass=io.dittofs.block.bench.ThroughputBench [-Dbench.mib=256 -Dbench.seconds=3]}
 * ({@code -Dbench.seqOnly=true}: only the sequential write, {@code bench.rounds} times (default 3) over the
 * same range with new content, each with the process's CPU per MiB;
 * {@code -Dbench.grpc=false}: in-process targets only).
 */
public final class ThroughputBench {

    static final int SEQ = 1 << 20;
    static final int RND = 4096;

    /** One way to reach the service. */
    interface Target extends AutoCloseable {
        void write(long off, byte[] data, boolean stable) throws Exception;

        int read(long off, int n) throws Exception;

        void commit() throws Exception;
    }

    record Engine(BlockEngine e, ByteString id) implements Target {
        public void write(long off, byte[] data, boolean stable) throws IOException {
            e.write(id, off, ByteBuffer.wrap(data), stable);
        }

        public int read(long off, int n) throws IOException {
            // consume the bytes, as protobuf does in the service: a lent view alone touches none
            return e.read(id, off, n).data().length;
        }

        public void commit() throws IOException {
            e.commit(id);
        }

        public void close() {
        }
    }

    record Grpc(GrpcServerHost host, ManagedChannel ch, BlockServiceGrpc.BlockServiceBlockingStub stub, PayloadId id) implements Target {
        public void write(long off, byte[] data, boolean stable) {
            stub.write(WriteRequest.newBuilder().setPayloadId(id).setOffset(off).setData(ByteString.copyFrom(data))
                    .setStability(stable ? Stability.DATA_SYNC : Stability.UNSTABLE).build());
        }

        public int read(long off, int n) {
            return stub.read(ReadRequest.newBuilder().setPayloadId(id).setOffset(off).setCount(n).build()).getData().size();
        }

        public void commit() {
            stub.commit(CommitRequest.newBuilder().setPayloadId(id).build());
        }

        public void close() {
            ch.shutdownNow();
            host.close();
        }

        /** An empty call: what the transport alone costs per request. */
        void noop() {
            stub.getVerifier(io.dittofs.contracts.block.v1.GetVerifierRequest.getDefaultInstance());
        }
    }

    /** The physical limit: the same I/O straight to one file with FileChannel. */
    record Disk(FileChannel ch) implements Target {
        public void write(long off, byte[] data, boolean stable) throws IOException {
            ch.write(ByteBuffer.wrap(data), off);
            if (stable) {
                ch.force(false);
            }
        }

        public int read(long off, int n) throws IOException {
            return ch.read(ByteBuffer.allocate(n), off);
        }

        public void commit() throws IOException {
            ch.force(false);
        }

        public void close() throws IOException {
            ch.close();
        }
    }

    public static void main(String[] args) throws Exception {
        long mib = Long.getLong("bench.mib", 256);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "3"));
        Path root = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir"))).toAbsolutePath(), "bench");
        System.out.printf("%-22s %-30s %10s %10s%n", "target", "workload", "MB/s", "IOPS");
        if (Boolean.parseBoolean(System.getProperty("bench.disk", "true"))) run("disk (FileChannel)", new Disk(FileChannel.open(root.resolve("direct.bin"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)), mib, seconds);
        for (String tier : System.getProperty("bench.tiers", "fs,memory").split(",")) {
            boolean[] modes = Boolean.parseBoolean(System.getProperty("bench.grpc", "true"))
                    ? new boolean[] {false, true} : new boolean[] {false};
            for (boolean grpc : modes) {
                LocalStore local = tier.equals("fs") ? new FsLocalStore(root.resolve(tier + grpc), 0) : new MemoryLocalStore();
                EngineSettings settings = EngineSettings.defaults().withBlockSize(Integer.getInteger("bench.blockSize", 1 << 20));
                try (BlockEngine engine = BlockEngine.open(local, null, settings)) {
                    Target t;
                    if (grpc) {
                        GrpcServerHost host = GrpcServerHost.start("127.0.0.1:0", List.of(new BlockGrpcService(engine)));
                        ManagedChannel ch = ServiceChannels.open("127.0.0.1:" + host.port());
                        t = new Grpc(host, ch, BlockServiceGrpc.newBlockingStub(ch),
                                PayloadId.newBuilder().setValue(ByteString.copyFromUtf8("bench")).build());
                    } else {
                        t = new Engine(engine, ByteString.copyFromUtf8("bench"));
                    }
                    run(tier + (grpc ? " gRPC loopback" : " in-process"), t, mib, seconds);
                }
                local.close();
            }
        }
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static void run(String name, Target t, long mib, double seconds) throws Exception {
        try (t) {
            long size = mib << 20;
            byte[] chunk = new byte[SEQ];
            new Random(1).nextBytes(chunk);
            long start = 0;
            int rounds = Boolean.getBoolean("bench.seqOnly") ? Integer.getInteger("bench.rounds", 3) : 1;
            for (int round = 1; round <= rounds; round++) {
                long cpu0 = processCpuNanos();
                long own0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long written0 = bytesDirtied();
                start = System.nanoTime();
                for (long off = 0; off < size; off += SEQ) {
                    chunk[0] = (byte) (off >>> 20); // distinct blocks: no dedup flattering the figure
                    chunk[1] = (byte) (off >>> 28);
                    chunk[2] = (byte) round;        // and new content in every round
                    t.write(off, chunk, false);
                }
                t.commit();
                report(name, "seq write 1 MiB + commit", size, mib, start);
                if (rounds > 1) {
                    // every thread of the process (checkpoints, GC, JIT included): the cost per MiB written
                    // the writer's own thread (what a caller waits for) apart from the background threads
                    long own = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - own0;
                    System.out.printf("%-22s %-30s %10.0f CPU us/MiB (writer thread %.0f), %.2f MiB to storage per MiB"
                            + " (round %d)%n", name, "seq write 1 MiB + commit", (processCpuNanos() - cpu0) / 1e3 / mib,
                            own / 1e3 / mib, (bytesDirtied() - written0) / (double) (mib << 20), round);
                }
            }
            if (rounds > 1) {
                return;
            }
            start = System.nanoTime();
            for (long off = 0; off < size; off += SEQ) {
                t.read(off, SEQ);
            }
            report(name, "seq read 1 MiB", size, mib, start);

            Random r = new Random(2);
            byte[] small = new byte[RND];
            for (boolean stable : new boolean[] {false, true}) {
                long ops = 0;
                start = System.nanoTime();
                long deadline = start + (long) (seconds * 1e9);
                while (System.nanoTime() < deadline) {
                    r.nextBytes(small);
                    t.write((r.nextLong() & Long.MAX_VALUE) % (size / RND) * RND, small, stable);
                    ops++;
                }
                report(name, "rand write 4 KiB " + (stable ? "DATA_SYNC" : "UNSTABLE"), ops * RND, ops, start);
            }
            long ops = 0;
            start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline) {
                t.read((r.nextLong() & Long.MAX_VALUE) % (size / RND) * RND, RND);
                ops++;
            }
            report(name, "rand read 4 KiB", ops * RND, ops, start);
            if (t instanceof Grpc g) {
                ops = 0;
                start = System.nanoTime();
                deadline = start + (long) (seconds * 1e9);
                while (System.nanoTime() < deadline) {
                    g.noop();
                    ops++;
                }
                report(name, "empty RPC (GetVerifier)", 0, ops, start);
            }
        }
    }

    /** Bytes this process caused to be written to storage (Linux /proc/self/io write_bytes; 0 elsewhere). */
    static long bytesDirtied() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void report(String name, String workload, long bytes, long ops, long start) {
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-22s %-30s %10.1f %10.0f%n", name, workload, bytes / 1e6 / s, ops / s);
    }
}
