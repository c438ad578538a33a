package io.dittofs.cli.bench.workload;

import java.io.IOException;

/** Complete listings of a directory of --dir-entries empty files (created untimed). */
public final class DirectoryListing implements Workload {

    @Override
    public String name() {
        return "dir-list";
    }

    @Override
    public String description() {
        return "complete listing of a directory of --dir-entries files";
    }

    @Override
    public long operations(BenchParams p) {
        return p.listings();
    }

    @Override
    public void prepare(Worker w) throws IOException {
        for (int i = 0; i < w.params().dirEntries(); i++) {
            w.session().closeFile(w.session().create(w.dir(), "e" + i));
        }
    }

    @Override
    public long run(Worker w, long i) throws IOException {
        int n = w.session().list(w.dir());
        if (n != w.params().dirEntries()) {
            throw new IOException("listing " + w.dir() + " returned " + n + " entries, expected "
                    + w.params().dirEntries());
        }
        return 0;
    }

    @Override
    public void cleanup(Worker w) throws IOException {
        for (int i = 0; i < w.params().dirEntries(); i++) {
            w.session().unlink(w.dir(), "e" + i);
        }
    }
}
