package io.dittofs.cli.bench.workload;

import io.dittofs.cli.bench.target.Session;
import java.io.IOException;

/**
 * One benchmark workload. Per iteration each worker runs {@link #prepare} (untimed), then
 * {@link #operations} timed calls of {@link #run}, then {@link #cleanup} (untimed).
 */
public interface Workload {

    String name();

    String description();

    long operations(BenchParams p);

    /** Creates the worker's directory (already made by the runner) contents the timed part needs. */
    default void prepare(Worker w) throws IOException {
    }

    /** One timed operation; returns the bytes of file data it moved. */
    long run(Worker w, long i) throws IOException;

    /** Removes what the iteration left in the worker's directory (the runner removes the directory). */
    void cleanup(Worker w) throws IOException;

    /** Creates a file of {@code size} bytes written in blocks and leaves it open; used by prepare steps. */
    static Session.FileRef fill(Worker w, String name, long size) throws IOException {
        Session.FileRef f = w.session().create(w.dir(), name);
        int block = w.params().blockSize();
        for (long off = 0; off < size; off += block) {
            int n = (int) Math.min(block, size - off);
            w.session().write(f, off, w.data(), n);
        }
        return f;
    }
}
