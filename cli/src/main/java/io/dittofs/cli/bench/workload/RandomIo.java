package io.dittofs.cli.bench.workload;

import java.io.IOException;

/**
 * 4 KiB reads and writes at random 4 KiB-aligned offsets of a pre-filled --random-file-size file;
 * {@code readShare} of the operations are reads (1 = rand-read, 0 = rand-write, 0.7 = mixed 70/30).
 */
public final class RandomIo implements Workload {

    private final String name;
    private final double readShare;

    public RandomIo(String name, double readShare) {
        this.name = name;
        this.readShare = readShare;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return readShare >= 1 ? "random 4 KiB reads" : readShare <= 0 ? "random 4 KiB writes"
                : "random 4 KiB I/O, " + Math.round(readShare * 100) + "% reads / " + Math.round((1 - readShare) * 100)
                + "% writes";
    }

    @Override
    public long operations(BenchParams p) {
        return p.randomOps();
    }

    @Override
    public void prepare(Worker w) throws IOException {
        w.file(Workload.fill(w, "rand", w.params().randomFileSize()));
    }

    @Override
    public long run(Worker w, long i) throws IOException {
        long blocks = w.params().randomFileSize() / BenchParams.RANDOM_IO;
        long off = w.random().nextLong(blocks) * BenchParams.RANDOM_IO;
        if (w.random().nextDouble() < readShare) {
            w.session().read(w.file(), off, w.buffer(), BenchParams.RANDOM_IO);
        } else {
            w.session().write(w.file(), off, w.data(), BenchParams.RANDOM_IO);
        }
        return BenchParams.RANDOM_IO;
    }

    @Override
    public void cleanup(Worker w) throws IOException {
        w.session().closeFile(w.file());
        w.session().unlink(w.dir(), "rand");
    }
}
