package io.dittofs.metadata.storetest;

import static io.dittofs.metadata.storetest.Ids.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.RemoveKind;
import io.dittofs.contracts.metadata.v1.RenameResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Races on the same entries, rename loops, deep trees, and restarts. */
public abstract class ConcurrencyConformance extends ReadDirConformance {

    private static final Set<Status> RACE_OUTCOMES = Set.of(Status.OK, Status.NOENT, Status.INVAL);

    private void race(int threads, int iterations, java.util.function.BiConsumer<Random, Integer> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < iterations; i++) {
                        step.accept(r, i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRenamesOfTheSameEntriesNeverCorrupt() throws Exception {
        FileHandle a = fs.mustDir(ROOT, root, "A");
        FileHandle b = fs.mustDir(ROOT, root, "B");
        FileHandle[] dirs = {a, b};
        int files = 8;
        List<FileHandle> created = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            created.add(fs.mustFile(ROOT, a, "n" + i));
        }
        FileHandle sub = fs.mustDir(ROOT, a, "sub");
        ConcurrentLinkedQueue<ByteString> released = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Status> unexpected = new ConcurrentLinkedQueue<>();
        race(4, 150, (r, i) -> {
            FileHandle from = dirs[r.nextInt(2)];
            FileHandle to = dirs[r.nextInt(2)];
            String fromName = r.nextInt(10) == 0 ? "sub" : "n" + r.nextInt(files);
            String toName = r.nextInt(10) == 0 ? "sub" : "n" + r.nextInt(files);
            RenameResponse resp = fs.rename(ROOT, from, fromName, to, toName);
            if (resp.getStatus() == Status.OK && resp.hasReplaced()) {
                released.add(resp.getReplaced().getHandle().getValue());
            } else if (!Set.of(Status.OK, Status.NOENT, Status.ISDIR, Status.NOTDIR).contains(resp.getStatus())) {
                unexpected.add(resp.getStatus());
            }
        });
        assertThat(unexpected).isEmpty();
        census(root); // nlink of every directory matches its subdirectories
        // names move around (even "sub" may now be called "n3"): count objects by fileid
        Map<Long, Integer> objects = new java.util.HashMap<>();
        for (FileHandle dir : dirs) {
            for (var page = fs.readdir(ROOT, dir, 0, ByteString.EMPTY, 4096, true); ; ) {
                page.getEntriesList().forEach(e -> objects.merge(e.getFileid(), 1, Integer::sum));
                assertThat(page.getEof()).isTrue();
                break;
            }
        }
        assertThat(objects.values()).allMatch(n -> n == 1);
        assertThat(objects).containsKey(fs.attr(sub).getFileid());
        assertThat(objects.size() - 1 + released.size()).isEqualTo(files);
        for (FileHandle h : created) {
            Status s = fs.getattr(ROOT, h).getStatus();
            assertThat(s).isIn(Status.OK, Status.STALE);
            assertThat(released.contains(h.getValue())).isEqualTo(s == Status.STALE);
            if (s == Status.OK) {
                assertThat(fs.attr(h).getNlink()).isEqualTo(1);
                assertThat(objects).containsKey(fs.attr(h).getFileid());
            }
        }
    }

    /**
     * Writers are not serialised by the stores (PostgreSQL runs them SERIALIZABLE and retries):
     * many clients creating in one directory at once must all succeed, each name exactly once, and
     * the directory's cookies stay distinct.
     */
    @Test
    void concurrentCreatesInOneDirectoryAllLand() throws Exception {
        FileHandle shared = fs.mustDir(ROOT, root, "shared");
        ConcurrentLinkedQueue<Status> unexpected = new ConcurrentLinkedQueue<>();
        int threads = 8;
        int perThread = 25;
        java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
        race(threads, perThread, (r, i) -> {
            int n = seq.getAndIncrement();
            Status s = fs.file(ROOT, shared, "c" + n).getStatus();
            if (s != Status.OK) {
                unexpected.add(s);
            }
            // and a name every thread tries: exactly one wins, the others see EXIST
            Status same = fs.file(ROOT, shared, "same" + i).getStatus();
            if (same != Status.OK && same != Status.EXIST) {
                unexpected.add(same);
            }
        });
        assertThat(unexpected).isEmpty();
        var page = fs.readdir(ROOT, shared, 0, ByteString.EMPTY, 4096, false);
        assertThat(page.getEof()).isTrue();
        assertThat(page.getEntriesList()).hasSize(threads * perThread + perThread);
        assertThat(page.getEntriesList().stream().map(e -> e.getCookie()).distinct().count())
                .isEqualTo(threads * perThread + perThread);
    }

    @Test
    void concurrentRenameLoopsNeverDetachATree() throws Exception {
        FileHandle p = fs.mustDir(ROOT, root, "P");
        FileHandle q = fs.mustDir(ROOT, root, "Q");
        ConcurrentLinkedQueue<Status> unexpected = new ConcurrentLinkedQueue<>();
        race(2, 200, (r, i) -> {
            boolean movesP = r.nextBoolean();
            String name = movesP ? "P" : "Q";
            FileHandle into = movesP ? q : p;
            // into the other directory, then back to the root (wherever it is now)
            Status s1 = fs.rename(ROOT, root, name, into, name).getStatus();
            Status s2 = fs.rename(ROOT, into, name, root, name).getStatus();
            if (!RACE_OUTCOMES.contains(s1)) {
                unexpected.add(s1);
            }
            if (!RACE_OUTCOMES.contains(s2)) {
                unexpected.add(s2);
            }
        });
        assertThat(unexpected).isEmpty();
        Map<String, Integer> seen = census(root);
        assertThat(seen).containsEntry("P", 1).containsEntry("Q", 1);
    }

    @Test
    void deepPaths() {
        FileHandle cur = root;
        List<FileHandle> chain = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            cur = fs.mustDir(ROOT, cur, "level" + i);
            chain.add(cur);
        }
        FileHandle walk = root;
        for (int i = 0; i < 200; i++) {
            walk = fs.lookup(ROOT, walk, "level" + i).getHandle();
        }
        assertThat(walk).isEqualTo(cur);
        for (int i = 199; i >= 0; i--) {
            walk = fs.lookup(ROOT, walk, "..").getHandle();
        }
        assertThat(walk).isEqualTo(root);
        assertThat(fs.rename(ROOT, root, "level0", cur, "loop").getStatus()).isEqualTo(Status.INVAL);
        assertThat(fs.rename(ROOT, chain.get(99), "level100", cur, "moved").getStatus()).isEqualTo(Status.INVAL);
        assertThat(fs.remove(ROOT, root, "level0", RemoveKind.REMOVE_DIR).getStatus()).isEqualTo(Status.NOTEMPTY);
        fs.mustFile(ROOT, cur, "leaf");
        assertThat(fs.lookup(ROOT, cur, "leaf").getStatus()).isEqualTo(Status.OK);
    }

    /** For stores that persist: handles, shares and contents survive close() and reopening. */
    protected void checkRestartKeepsEverything() throws Exception {
        FileHandle d = fs.mustDir(ROOT, root, "kept");
        FileHandle f = fs.mustFile(ROOT, d, "file");
        fs.link(ROOT, f, root, "hard");
        fs.write(ROOT, f, 0, 4096, false);
        fs.stub.setXattr(io.dittofs.contracts.metadata.v1.SetXattrRequest.newBuilder().setIdentity(ROOT).setHandle(f)
                .setName("user.k").setValue(ByteString.copyFromUtf8("v")).build());
        int otherShare = fs.root("second").getShareId();
        var attrs = fs.attr(f);
        stopServing();
        store.close();
        store = reopenStore();
        serve(store);
        assertThat(fs.root("export").getHandle()).isEqualTo(root);
        assertThat(fs.root("second").getShareId()).isEqualTo(otherShare);
        assertThat(fs.getattr(ROOT, f).getAttr()).isEqualTo(attrs);
        assertThat(fs.lookup(ROOT, d, "file").getHandle()).isEqualTo(f);
        assertThat(fs.lookup(ROOT, root, "hard").getHandle()).isEqualTo(f);
        assertThat(fs.stub.getXattr(io.dittofs.contracts.metadata.v1.GetXattrRequest.newBuilder().setIdentity(ROOT)
                .setHandle(f).setName("user.k").build()).getValue().toStringUtf8()).isEqualTo("v");
        // ids keep growing: a new file never reuses an old fileid
        FileHandle g = fs.mustFile(ROOT, d, "new");
        assertThat(fs.attr(g).getFileid()).isGreaterThan(attrs.getFileid());
        assertThat(census(root)).containsEntry("file", 1).containsEntry("new", 1);
    }
}
