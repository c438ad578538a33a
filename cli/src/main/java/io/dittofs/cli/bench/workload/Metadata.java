package io.dittofs.cli.bench.workload;

import java.io.IOException;

/**
 * Cycles of create, stat, rename and unlink of an empty file; each of the four calls is one
 * timed operation, so the latency figures are per call.
 */
public final class Metadata implements Workload {

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public String description() {
        return "create / stat / rename / unlink, each call one operation";
    }

    @Override
    public long operations(BenchParams p) {
        return 4L * p.metaCycles();
    }

    @Override
    public long run(Worker w, long i) throws IOException {
        long cycle = i / 4;
        switch ((int) (i % 4)) {
            case 0 -> w.session().closeFile(w.session().create(w.dir(), "m" + cycle));
            case 1 -> w.session().stat(w.dir(), "m" + cycle);
            case 2 -> w.session().rename(w.dir(), "m" + cycle, "r" + cycle);
            default -> w.session().unlink(w.dir(), "r" + cycle);
        }
        return 0;
    }

    @Override
    public void cleanup(Worker w) {
        // every cycle unlinks its own file
    }
}
