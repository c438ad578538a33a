package io.dittofs.nfsclient.bench;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;

/**
 * NULL and GETATTR calls per second on one NFSv3 connection, one call at a time: the per-call cost
 * of a server with and without one service call. A benchmark, not a test:
 * {@code java -cp nfs-client.jar io.dittofs.nfsclient.bench.CallRateBench HOST NFSPORT EXPORT [CALLS] [MOUNTPORT] [null|getattr]}.
 * Prints one line; a first untimed round of each kind warms the JIT of both sides. The last
 * argument limits the run to one kind (to measure the server's CPU time per call of that kind).
 */
public final class CallRateBench {

    private CallRateBench() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String export = args[2];
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int mountPort = args.length > 4 ? Integer.parseInt(args[4]) : port;
        byte[] root;
        try (NfsClient m = new NfsClient(host, mountPort, RpcClient.Auth.sys(0, 0))) {
            root = m.mount(export);
        }
        String only = args.length > 5 ? args[5] : "";
        try (NfsClient c = new NfsClient(host, port, RpcClient.Auth.sys(0, 0))) {
            ServerCpu cpu = ServerCpu.fromProperty();
            if (only.equals("null")) {
                nulls(c, Math.max(1, n / 4));
                long before = cpu.ticks();
                double rate = nulls(c, n);
                System.out.printf("calls=%d null=%.0f calls/s%s%n", n, rate, cpu.perOp(before, cpu.ticks(), n));
                return;
            }
            if (only.equals("getattr")) {
                getattrs(c, root, Math.max(1, n / 4));
                long before = cpu.ticks();
                double rate = getattrs(c, root, n);
                System.out.printf("calls=%d getattr=%.0f calls/s%s%n", n, rate, cpu.perOp(before, cpu.ticks(), n));
                return;
            }
            nulls(c, Math.max(1, n / 4));
            getattrs(c, root, Math.max(1, n / 4));
            long c0 = cpu.ticks();
            double nul = nulls(c, n);
            long c1 = cpu.ticks();
            double get = getattrs(c, root, n);
            long c2 = cpu.ticks();
            System.out.printf("calls=%d null=%.0f calls/s getattr=%.0f calls/s getattr/null=%.2f%s%s%n", n, nul, get, get / nul,
                    cpu.perOp(c0, c1, n).replace("cpu=", "null-cpu="), cpu.perOp(c1, c2, n).replace("cpu=", "getattr-cpu="));
        }
    }

    private static double nulls(NfsClient c, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            c.nullCall();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static double getattrs(NfsClient c, byte[] h, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int s = c.getattr(h).status();
            if (s != Nfs3.OK) {
                throw new IllegalStateException("getattr failed with nfsstat3 " + s);
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
