package io.dittofs.cli.bench.workload;

import java.io.IOException;

/** One file per worker written front to back in --block-size calls, closed (NFS: committed) at the end. */
public final class SequentialWrite implements Workload {

    @Override
    public String name() {
        return "seq-write";
    }

    @Override
    public String description() {
        return "sequential write of --file-size per worker in --block-size calls";
    }

    @Override
    public long operations(BenchParams p) {
        return (p.fileSize() + p.blockSize() - 1) / p.blockSize();
    }

    @Override
    public void prepare(Worker w) throws IOException {
        w.file(w.session().create(w.dir(), "seq"));
    }

    @Override
    public long run(Worker w, long i) throws IOException {
        long off = i * w.params().blockSize();
        int n = (int) Math.min(w.params().blockSize(), w.params().fileSize() - off);
        w.session().write(w.file(), off, w.data(), n);
        if (off + n >= w.params().fileSize()) {
            w.session().closeFile(w.file());
            w.file(null);
        }
        return n;
    }

    @Override
    public void cleanup(Worker w) throws IOException {
        if (w.file() != null) {
            w.session().closeFile(w.file());
        }
        w.session().unlink(w.dir(), "seq");
    }
}
