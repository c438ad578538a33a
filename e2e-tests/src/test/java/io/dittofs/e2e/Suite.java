package io.dittofs.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The whole suite (launcher jar) on a free loopback port with its own data dir. */
public final class Suite implements AutoCloseable {

    public final Path dataDir;
    public final int port;
    public final ChildJvm jvm;

    private Suite(Path dataDir, int port, ChildJvm jvm) {
        this.dataDir = dataDir;
        this.port = port;
        this.jvm = jvm;
    }

    public static Suite start(Path dataDir, String... extra) throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        return start(dataDir, port, extra);
    }

    public static Suite start(Path dataDir, int port, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--dittofs.data-dir=" + dataDir, "--dittofs.nfs.port=" + port,
                "--dittofs.nfs.bind-address=127.0.0.1"));
        args.addAll(List.of(extra));
        if (args.stream().noneMatch(a -> a.startsWith("--dittofs.smb.port="))) {
            args.add("--dittofs.smb.port=0");
        }
        if (args.stream().noneMatch(a -> a.startsWith("--dittofs.control."))) {
            // NFS-only tests keep the fast start; tests of the admin API ask for the control plane
            args.add("--dittofs.control.enabled=false");
        }
        ChildJvm jvm = ChildJvm.start("launcher-" + port, null, dataDir.resolveSibling(dataDir.getFileName() + "-logs"), args);
        try {
            jvm.awaitPort(port);
        } catch (RuntimeException | IOException | InterruptedException e) {
            jvm.kill();
            throw e;
        }
        return new Suite(dataDir, port, jvm);
    }

    /** libnfs URL of a path inside the default export. */
    public String url(String path) {
        return "nfs://127.0.0.1/export/" + path + "?nfsport=" + port + "&mountport=" + port;
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
