package io.dittofs.nfsclient.bench;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Random 4 KiB READ and WRITE IOPS at aligned offsets of one pre-filled file, with 1 and 8 calls
 * in flight (8 connections with one call each: the client is synchronous). Writes are UNSTABLE
 * and the timed part ends with a COMMIT per connection, like a close without fsync. A benchmark,
 * not a test:
 * {@code java -cp nfs-client.jar io.dittofs.nfsclient.bench.RandomIoBench HOST NFSPORT EXPORT [OPS] [FILE_MIB] [MOUNTPORT]}
 * (OPS per in-flight level and kind, spread over the connections). Prints one line; with
 * {@code -Ddittofs.bench.server-pid=PID} (a local server) each figure is followed by the server's
 * CPU per operation, which a loaded machine disturbs far less than the rate.
 */
public final class RandomIoBench {

    private static final int BLOCK = 4096;
    private static final int FILL = 64 * 1024;
    private static final long SETTLE_MS = 7_000;

    private RandomIoBench() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String export = args[2];
        int ops = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        long fileBytes = (args.length > 4 ? Long.parseLong(args[4]) : 64) * 1024 * 1024;
        int mountPort = args.length > 5 ? Integer.parseInt(args[5]) : port;
        byte[] root;
        try (NfsClient m = new NfsClient(host, mountPort, RpcClient.Auth.sys(0, 0))) {
            root = m.mount(export);
        }
        String name = "randio-" + System.nanoTime();
        byte[] file;
        try (NfsClient c = new NfsClient(host, port, RpcClient.Auth.sys(0, 0))) {
            var cr = c.create(root, name, 0, Sattr.mode(0644));
            check(cr.status(), "create");
            file = cr.handle();
            byte[] chunk = new byte[FILL];
            new SplittableRandom(1).nextBytes(chunk);
            for (long off = 0; off < fileBytes; off += FILL) {
                check(c.write(file, off, chunk, Nfs3.UNSTABLE).status(), "fill write");
            }
            check(c.commit(file, 0, 0).status(), "fill commit");
        }
        StringBuilder line = new StringBuilder();
        ServerCpu cpu = ServerCpu.fromProperty();
        for (int depth : new int[] {1, 8}) {
            // untimed warm-up of both paths, then the measured runs
            run(host, port, file, fileBytes, Math.max(depth, ops / 4), depth, false);
            run(host, port, file, fileBytes, Math.max(depth, ops / 4), depth, true);
            if (cpu.enabled()) {
                Thread.sleep(SETTLE_MS); // the warm-up writes' checkpoint, see below
            }
            long c0 = cpu.ticks();
            double r = run(host, port, file, fileBytes, ops, depth, false);
            long c1 = cpu.ticks();
            double w = run(host, port, file, fileBytes, ops, depth, true);
            long c2 = cpu.ticks();
            String after = "";
            if (cpu.enabled()) {
                // the checkpoint that merges the written blocks runs within 5 s (its default interval):
                // waited out here so it falls into no measured phase, and reported per write on its own
                Thread.sleep(SETTLE_MS);
                after = cpu.perOp(c2, cpu.ticks(), ops).replace("cpu=", "checkpoint-after=");
            }
            line.append(String.format("randread4k@%d=%.0f IOPS%s randwrite4k@%d=%.0f IOPS%s%s ", depth, r,
                    cpu.perOp(c0, c1, ops), depth, w, cpu.perOp(c1, c2, ops), after));
        }
        try (NfsClient c = new NfsClient(host, port, RpcClient.Auth.sys(0, 0))) {
            check(c.remove(root, name).status(), "remove");
        }
        System.out.println(line.toString().trim());
    }

    private static double run(String host, int port, byte[] file, long fileBytes, int ops, int depth, boolean write)
            throws Exception {
        List<NfsClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(depth);
        try {
            for (int i = 0; i < depth; i++) {
                clients.add(new NfsClient(host, port, RpcClient.Auth.sys(0, 0)));
            }
            long blocks = fileBytes / BLOCK;
            List<Callable<Void>> work = new ArrayList<>();
            for (int i = 0; i < depth; i++) {
                NfsClient c = clients.get(i);
                int share = ops / depth + (i < ops % depth ? 1 : 0);
                long seed = System.nanoTime() + i;
                work.add(() -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    byte[] data = new byte[BLOCK];
                    rnd.nextBytes(data);
                    for (int k = 0; k < share; k++) {
                        long off = rnd.nextLong(blocks) * BLOCK;
                        if (write) {
                            check(c.write(file, off, data, Nfs3.UNSTABLE).status(), "write");
                        } else {
                            var r = c.read(file, off, BLOCK);
                            check(r.status(), "read");
                            if (r.count() != BLOCK) {
                                throw new IllegalStateException("short read of " + r.count() + " bytes at " + off);
                            }
                        }
                    }
                    if (write) {
                        check(c.commit(file, 0, 0).status(), "commit");
                    }
                    return null;
                });
            }
            long t0 = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
            long t1 = System.nanoTime();
            if (ServerCpu.fromProperty().enabled()) {
                // CLOCK_MONOTONIC seconds, to cut a `perf record -k CLOCK_MONOTONIC` of the server by phase
                System.err.printf("phase %s@%d ops=%d %.6f-%.6f%n", write ? "write" : "read", depth, ops, t0 / 1e9, t1 / 1e9);
            }
            return ops / ((t1 - t0) / 1e9);
        } finally {
            pool.shutdownNow();
            for (NfsClient c : clients) {
                c.close();
            }
        }
    }

    private static void check(int status, String what) {
        if (status != Nfs3.OK) {
            throw new IllegalStateException(what + " failed with nfsstat3 " + status);
        }
    }
}
