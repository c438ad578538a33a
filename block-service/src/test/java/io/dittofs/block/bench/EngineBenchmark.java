package io.dittofs.block.bench;

import com.google.protobuf.ByteString;
import io.dittofs.block.core.BlockEngine;
import io.dittofs.block.core.EngineSettings;
import io.dittofs.block.local.LocalStore;
import io.dittofs.block.local.fs.FsLocalStore;
import io.dittofs.block.local.memory.MemoryLocalStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: engine operations in-process per tier. Run:
 * {@code ./mvnw -o -pl block-service exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main
 *  -Dexec.args="EngineBenchmark -f 1 -wi 1 -i 3 -w 1s -r 2s"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 2)
public class EngineBenchmark {

    static final long FILE = 64L << 20;

    @Param({"memory", "fs"})
    public String tier;

    private BlockEngine engine;
    private LocalStore local;
    private Path dir;
    private final ByteString id = ByteString.copyFromUtf8("jmh");
    private final byte[] page = new byte[4096];
    private final byte[] mib = new byte[1 << 20];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("jmh-block");
        local = tier.equals("fs") ? new FsLocalStore(dir, 0) : new MemoryLocalStore();
        engine = BlockEngine.open(local, null, EngineSettings.defaults());
        new Random(1).nextBytes(mib);
        for (long off = 0; off < FILE; off += mib.length) {
            engine.write(id, off, ByteBuffer.wrap(mib), false);
        }
        engine.checkpoint();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        local.close();
    }

    private static long randomPage() {
        return ThreadLocalRandom.current().nextLong(FILE / 4096) * 4096;
    }

    @Benchmark
    public int read4k() throws IOException {
        return engine.read(id, randomPage(), 4096).data().length; // consumed, as protobuf does
    }

    @Benchmark
    public long write4kUnstable() throws IOException {
        return engine.write(id, randomPage(), ByteBuffer.wrap(page), false).size();
    }

    @Benchmark
    public long write4kDataSync() throws IOException {
        return engine.write(id, randomPage(), ByteBuffer.wrap(page), true).size();
    }

    @Benchmark
    public int read1m() throws IOException {
        return engine.read(id, ThreadLocalRandom.current().nextLong(FILE >> 20) << 20, 1 << 20).data().length;
    }
}
