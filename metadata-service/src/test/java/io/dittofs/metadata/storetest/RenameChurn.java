package io.dittofs.metadata.storetest;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.common.v1.Status;
import io.dittofs.contracts.metadata.v1.MetadataServiceGrpc;
import io.dittofs.contracts.metadata.v1.RemoveKind;
import io.dittofs.metadata.core.CoreSettings;
import io.dittofs.metadata.core.MetadataCore;
import io.dittofs.metadata.grpc.MetadataGrpcService;
import io.dittofs.metadata.store.rocksdb.RocksDbStore;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Path;
import java.util.Random;

/**
 * A process that renames, links and unlinks in a RocksDB store until it is killed; the crash
 * test kills it with SIGKILL at an arbitrary point and checks the store it leaves behind.
 */
public final class RenameChurn {

    private RenameChurn() {
    }

    public static void main(String[] args) throws Exception {
        RocksDbStore store = new RocksDbStore(Path.of(args[0]), false);
        MetadataGrpcService service = new MetadataGrpcService(new MetadataCore(store, CoreSettings.defaults()));
        InProcessServerBuilder.forName("churn").directExecutor().addService(service).build().start();
        Fs fs = new Fs(MetadataServiceGrpc.newBlockingStub(InProcessChannelBuilder.forName("churn").directExecutor().build()));
        FileHandle root = fs.root("export").getHandle();
        // the crash test runs this several times over the same store
        boolean fresh = fs.lookup(Ids.ROOT, root, "A").getStatus() == Status.NOENT;
        FileHandle[] dirs = fresh
                ? new FileHandle[] {fs.mustDir(Ids.ROOT, root, "A"), fs.mustDir(Ids.ROOT, root, "B")}
                : new FileHandle[] {fs.lookup(Ids.ROOT, root, "A").getHandle(), fs.lookup(Ids.ROOT, root, "B").getHandle()};
        for (int i = 0; fresh && i < 5; i++) {
            fs.mustDir(Ids.ROOT, dirs[0], "s" + i);
        }
        System.out.println("ready");
        Random r = new Random();
        for (long op = 1; ; op++) {
            FileHandle from = dirs[r.nextInt(2)];
            FileHandle to = dirs[r.nextInt(2)];
            String a = (r.nextInt(4) == 0 ? "s" : "n") + r.nextInt(20);
            String b = (r.nextInt(4) == 0 ? "s" : "n") + r.nextInt(20);
            switch (r.nextInt(4)) {
                case 0, 1 -> fs.rename(Ids.ROOT, from, a, to, b);
                case 2 -> {
                    var found = fs.lookup(Ids.ROOT, from, a);
                    if (found.getStatus() == Status.OK) {
                        fs.link(Ids.ROOT, found.getHandle(), to, b);
                    } else {
                        fs.file(Ids.ROOT, from, a);
                    }
                }
                default -> fs.remove(Ids.ROOT, from, a, RemoveKind.REMOVE_NON_DIR);
            }
            if (op % 500 == 0) {
                System.out.println("ops " + op);
            }
        }
    }
}
