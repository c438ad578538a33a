package io.dittofs.nfsclient.bench;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;

/**
 * N files created, stat'ed (LOOKUP + GETATTR) and removed through one NFSv3 connection, the
 * metadata figure in docs/benchmarks.md. A benchmark, not a test:
 * {@code java -cp nfs-client.jar io.dittofs.nfsclient.bench.MetadataBench HOST NFSPORT EXPORT [N] [MOUNTPORT]}.
 */
public final class MetadataBench {

    private MetadataBench() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String export = args[2];
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int mountPort = args.length > 4 ? Integer.parseInt(args[4]) : port;
        byte[] root;
        try (NfsClient m = new NfsClient(host, mountPort, RpcClient.Auth.sys(0, 0))) {
            root = m.mount(export);
        }
        try (NfsClient c = new NfsClient(host, port, RpcClient.Auth.sys(0, 0))) {
            String dirName = "bench-" + System.nanoTime();
            var d = c.mkdir(root, dirName, Sattr.mode(0777));
            check(d.status(), "mkdir");
            byte[] dir = d.handle();
            ServerCpu cpu = ServerCpu.fromProperty();
            long c0 = cpu.ticks();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                check(c.create(dir, "f" + i, 1, Sattr.mode(0644)).status(), "create");
            }
            long t1 = System.nanoTime();
            long c1 = cpu.ticks();
            for (int i = 0; i < n; i++) {
                var l = c.lookup(dir, "f" + i);
                check(l.status(), "lookup");
                check(c.getattr(l.handle()).status(), "getattr");
            }
            long t2 = System.nanoTime();
            long c2 = cpu.ticks();
            for (int i = 0; i < n; i++) {
                check(c.remove(dir, "f" + i).status(), "remove");
            }
            long t3 = System.nanoTime();
            long c3 = cpu.ticks();
            check(c.rmdir(root, dirName).status(), "rmdir");
            System.out.printf("files=%d create=%.0f ops/s stat=%.0f ops/s remove=%.0f ops/s total=%.2f s%n", n,
                    n / sec(t1 - t0), n / sec(t2 - t1), n / sec(t3 - t2), sec(t3 - t0));
            if (cpu.enabled()) {
                System.out.printf("server cpu: create%s stat%s remove%s%n", cpu.perOp(c0, c1, n), cpu.perOp(c1, c2, n),
                        cpu.perOp(c2, c3, n));
            }
        }
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static void check(int status, String what) {
        if (status != Nfs3.OK) {
            throw new IllegalStateException(what + " failed with nfsstat3 " + status);
        }
    }
}
