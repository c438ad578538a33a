package io.dittofs.cli.bench.workload;

import java.io.IOException;

/** A --file-size file per worker (written untimed) read front to back in --block-size calls. */
public final class SequentialRead implements Workload {

    @Override
    public String name() {
        return "seq-read";
    }

    @Override
    public String description() {
        return "sequential read of --file-size per worker in --block-size calls";
    }

    @Override
    public long operations(BenchParams p) {
        return (p.fileSize() + p.blockSize() - 1) / p.blockSize();
    }

    @Override
    public void prepare(Worker w) throws IOException {
        w.file(Workload.fill(w, "seq", w.params().fileSize()));
    }

    @Override
    public long run(Worker w, long i) throws IOException {
        long off = i * w.params().blockSize();
        int n = (int) Math.min(w.params().blockSize(), w.params().fileSize() - off);
        w.session().read(w.file(), off, w.buffer(), n);
        return n;
    }

    @Override
    public void cleanup(Worker w) throws IOException {
        w.session().closeFile(w.file());
        w.session().unlink(w.dir(), "seq");
    }
}
