package io.dittofs.cli.bench.workload;

import io.dittofs.cli.bench.target.Session;
import java.util.SplittableRandom;

/** One worker's view during an iteration: its session, its own directory, buffers and per-iteration state. */
public final class Worker {

    private final int index;
    private final Session session;
    private final BenchParams params;
    private final byte[] data;
    private final byte[] buffer;
    private String dir;
    private SplittableRandom random;
    private Session.FileRef file;

    public Worker(int index, Session session, BenchParams params, long seed) {
        this.index = index;
        this.session = session;
        this.params = params;
        int size = Math.max(params.blockSize(), BenchParams.SMALL_MAX);
        this.data = new byte[size];
        new SplittableRandom(seed).nextBytes(data);
        this.buffer = new byte[size];
        this.random = new SplittableRandom(seed + index);
    }

    /** Starts an iteration in directory {@code dir}, with a random stream fixed by the seed. */
    public void begin(String dir, long seed) {
        this.dir = dir;
        this.random = new SplittableRandom(seed * 31 + index);
        this.file = null;
    }

    public int index() {
        return index;
    }

    public Session session() {
        return session;
    }

    public BenchParams params() {
        return params;
    }

    public String dir() {
        return dir;
    }

    public SplittableRandom random() {
        return random;
    }

    /** Incompressible-ish payload to write. */
    public byte[] data() {
        return data;
    }

    public byte[] buffer() {
        return buffer;
    }

    public Session.FileRef file() {
        return file;
    }

    public void file(Session.FileRef file) {
        this.file = file;
    }
}
