package io.dittofs.metadata.storetest;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStoreTest extends MetadataStoreConformance {

    @TempDir
    Path dir;

    @Override
    protected MetadataStore openStore() {
        // no fsync per commit here: the suite checks semantics and process-restart durability
        // (WAL replay), not power loss, and 100k fsyncs would dominate the run
        return new RocksDbStore(dir.resolve("db"), false);
    }

    @Override
    protected MetadataStore reopenStore() {
        return new RocksDbStore(dir.resolve("db"), false);
    }

    @org.junit.jupiter.api.Test
    void restartKeepsHandlesAndContent() throws Exception {
        checkRestartKeepsEverything();
    }

    /**
     * A process renaming, linking and unlinking is killed with SIGKILL mid-way; the store it leaves
     * must hold whole operations only: every name resolves, every nlink matches its names, every
     * directory's nlink matches its subdirectories, every directory's ".." is where it is listed.
     */
    @org.junit.jupiter.api.Test
    void processDeathNeverHalfAppliesAnOperation() throws Exception {
        Path crashDb = dir.resolve("crash");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RenameChurn.class.getName(), crashDb.toString())
                .redirectErrorStream(true);
        Process child = pb.start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            String line;
            int progress = 0;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ops ") && ++progress == 6) {
                    break;
                }
            }
            org.assertj.core.api.Assertions.assertThat(progress).as("churn process output ended early").isEqualTo(6);
            child.destroyForcibly();
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        stopServing();
        store.close();
        store = new RocksDbStore(crashDb, false);
        serve(store);
        root = fs.root("export").getHandle();
        census(root);
        java.util.Map<Long, Integer> names = new java.util.HashMap<>();
        java.util.Map<Long, io.dittofs.contracts.metadata.v1.Attr> attrs = new java.util.HashMap<>();
        for (String d : java.util.List.of("A", "B")) {
            var dirHandle = fs.lookup(Ids.ROOT, root, d).getHandle();
            var page = fs.readdir(Ids.ROOT, dirHandle, 0, com.google.protobuf.ByteString.EMPTY, 4096, true);
            org.assertj.core.api.Assertions.assertThat(page.getEof()).isTrue();
            for (var e : page.getEntriesList()) {
                org.assertj.core.api.Assertions.assertThat(e.hasAttr()).as("entry %s names a live inode", e.getName()).isTrue();
                names.merge(e.getFileid(), 1, Integer::sum);
                attrs.put(e.getFileid(), e.getAttr());
                if (e.getAttr().getType() == io.dittofs.contracts.common.v1.FileType.DIRECTORY) {
                    org.assertj.core.api.Assertions.assertThat(fs.lookup(Ids.ROOT, e.getHandle(), "..").getHandle())
                            .isEqualTo(dirHandle);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(names).isNotEmpty();
        names.forEach((id, n) -> {
            var a = attrs.get(id);
            if (a.getType() == io.dittofs.contracts.common.v1.FileType.REGULAR) {
                org.assertj.core.api.Assertions.assertThat(a.getNlink()).as("nlink of %d", id).isEqualTo(n);
            } else {
                org.assertj.core.api.Assertions.assertThat(n).as("a directory has one name").isEqualTo(1);
            }
        });
    }

    @Override
    protected int bigDirectoryEntries() {
        return 100_000;
    }
}
