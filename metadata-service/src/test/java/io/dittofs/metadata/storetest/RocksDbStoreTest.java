package io.dittofs.metadata.storetest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.FileType;
import io.dittofs.contracts.metadata.v1.Attr;
import io.dittofs.contracts.metadata.v1.DirEntry;
import io.dittofs.contracts.metadata.v1.ReadDirResponse;
import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

    @Test
    void restartKeepsHandlesAndContent() throws Exception {
        checkRestartKeepsEverything();
    }

    /**
     * A process renaming, linking and unlinking is killed with SIGKILL mid-way, several times over
     * the same store; after each death the store must hold whole operations only: every name
     * resolves, every nlink matches its names, every directory's nlink matches its subdirectories,
     * every directory's ".." is where it is listed.
     */
    @Test
    void processDeathNeverHalfAppliesAnOperation() throws Exception {
        Path crashDb = dir.resolve("crash");
        stopServing();
        store.close();
        store = null;
        for (int round = 0; round < 5; round++) {
            killChurnMidway(crashDb);
            store = new RocksDbStore(crashDb, false);
            serve(store);
            root = fs.root("export").getHandle();
            checkWholeOperationsOnly();
            stopServing();
            store.close();
            store = null;
        }
    }

    private static void killChurnMidway(Path db) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RenameChurn.class.getName(), db.toString())
                .redirectErrorStream(true);
        Process child = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            int progress = 0;
            while (progress < 2 && (line = out.readLine()) != null) {
                if (line.startsWith("ops ")) {
                    progress++;
                }
            }
            assertThat(progress).as("churn process output ended early").isEqualTo(2);
            child.destroyForcibly();
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
    }

    private void checkWholeOperationsOnly() {
        census(root);
        Map<Long, Integer> names = new HashMap<>();
        Map<Long, Attr> attrs = new HashMap<>();
        for (String d : List.of("A", "B")) {
            FileHandle dirHandle = fs.lookup(Ids.ROOT, root, d).getHandle();
            ReadDirResponse page = fs.readdir(Ids.ROOT, dirHandle, 0, ByteString.EMPTY, 4096, true);
            assertThat(page.getEof()).isTrue();
            for (DirEntry e : page.getEntriesList()) {
                assertThat(e.hasAttr()).as("entry %s names a live inode", e.getName()).isTrue();
                names.merge(e.getFileid(), 1, Integer::sum);
                attrs.put(e.getFileid(), e.getAttr());
                if (e.getAttr().getType() == FileType.DIRECTORY) {
                    assertThat(fs.lookup(Ids.ROOT, e.getHandle(), "..").getHandle()).isEqualTo(dirHandle);
                }
            }
        }
        assertThat(names).isNotEmpty();
        names.forEach((id, n) -> {
            Attr a = attrs.get(id);
            if (a.getType() == FileType.REGULAR) {
                assertThat(a.getNlink()).as("nlink of %d", id).isEqualTo(n);
            } else {
                assertThat(n).as("a directory has one name").isEqualTo(1);
            }
        });
    }

    @Override
    protected int bigDirectoryEntries() {
        return 100_000;
    }
}
