package io.dittofs.cli.bench.workload;

import java.io.IOException;

/** Many files of 4-64 KiB (uniformly random sizes), each created, written whole and closed. */
public final class SmallFiles implements Workload {

    @Override
    public String name() {
        return "small-files";
    }

    @Override
    public String description() {
        return "create + write + close of 4-64 KiB files";
    }

    @Override
    public long operations(BenchParams p) {
        return p.smallFiles();
    }

    @Override
    public long run(Worker w, long i) throws IOException {
        int size = BenchParams.SMALL_MIN + w.random().nextInt(BenchParams.SMALL_MAX - BenchParams.SMALL_MIN + 1);
        var f = w.session().create(w.dir(), "s" + i);
        w.session().write(f, 0, w.data(), size);
        w.session().closeFile(f);
        return size;
    }

    @Override
    public void cleanup(Worker w) throws IOException {
        for (int i = 0; i < w.params().smallFiles(); i++) {
            w.session().unlink(w.dir(), "s" + i);
        }
    }
}
