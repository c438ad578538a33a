package io.dittofs.nfsclient.bench;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The server's CPU time per NFS call, which (unlike a rate) barely moves with the load other
 * processes put on the machine: the server process's user + system time from
 * {@code /proc/PID/stat} before and after each phase, divided by the calls of the phase. Phases on
 * one pre-filled file, one connection, one call at a time: GETATTR (the floor of a call with one
 * metadata lookup), random 4 KiB READs, random 4 KiB UNSTABLE WRITEs into the written data (then
 * one COMMIT), sequential 1 MiB READs.
 * Linux only, server on this machine. A benchmark, not a test:
 * {@code java -cp nfs-client.jar io.dittofs.nfsclient.bench.CpuPerOpBench HOST PORT EXPORT SERVER_PID [OPS] [FILE_MIB] [ROUNDS]}.
 * Prints one line per phase and round.
 */
public final class CpuPerOpBench {

    private static final int BLOCK = 4096;
    private static final int FILL = 1024 * 1024;
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux
    private static final long SETTLE_MILLIS = Long.getLong("bench.settleMillis", 7000);

    private CpuPerOpBench() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String export = args[2];
        long pid = Long.parseLong(args[3]);
        int ops = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        long fileBytes = (args.length > 5 ? Long.parseLong(args[5]) : 64) * 1024 * 1024;
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        try (NfsClient c = new NfsClient(host, port, RpcClient.Auth.sys(0, 0))) {
            byte[] root = c.mount(export);
            String name = "cpuop-" + System.nanoTime();
            var cr = c.create(root, name, 0, Sattr.mode(0644));
            check(cr.status(), "create");
            byte[] file = cr.handle();
            byte[] chunk = new byte[FILL];
            new SplittableRandom(1).nextBytes(chunk);
            for (long off = 0; off < fileBytes; off += FILL) {
                check(c.write(file, off, chunk, Nfs3.UNSTABLE).status(), "fill write");
            }
            check(c.commit(file, 0, 0).status(), "fill commit");
            long blocks = fileBytes / BLOCK;
            SplittableRandom rnd = new SplittableRandom(42);
            byte[] data = new byte[BLOCK];
            rnd.nextBytes(data);
            for (int round = 0; round <= rounds; round++) {
                String tag = round == 0 ? "warm-up" : "round " + round;
                // the floor every call pays (RPC, hand-offs, one metadata call): READ minus this is the data path
                phase(tag, "getattr", pid, ops, () -> check(c.getattr(file).status(), "getattr"));
                phase(tag, "rand-read-4k", pid, ops, () -> {
                    var r = c.read(file, rnd.nextLong(blocks) * BLOCK, BLOCK);
                    check(r.status(), "read");
                });
                phase(tag, "rand-write-4k", pid, ops, () ->
                        check(c.write(file, rnd.nextLong(blocks) * BLOCK, data, Nfs3.UNSTABLE).status(), "write"));
                check(c.commit(file, 0, 0).status(), "commit");
                // the server seals what the writes dirtied within its checkpoint interval (5 s by default):
                // let that happen here rather than inside the next measured phase
                Thread.sleep(SETTLE_MILLIS);
                long[] pos = {0};
                int seqOps = (int) (fileBytes / FILL);
                phase(tag, "seq-read-1m", pid, seqOps, () -> {
                    check(c.read(file, pos[0], FILL).status(), "read");
                    pos[0] += FILL;
                });
            }
            check(c.remove(root, name).status(), "remove");
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    private static void phase(String tag, String what, long pid, int ops, Op op) throws Exception {
        long cpu0 = cpuNanos(pid);
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            op.run();
        }
        long wall = System.nanoTime() - t0;
        long cpu = cpuNanos(pid) - cpu0;
        System.out.printf("%s %s: %d ops, %.0f ops/s, server CPU %.1f us/op, load %s%n", tag, what, ops,
                ops / (wall / 1e9), cpu / 1e3 / ops, load());
    }

    /** utime + stime of the process (fields 14 and 15 of /proc/PID/stat, after the command name). */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
    }

    private static String load() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static void check(int status, String what) {
        if (status != Nfs3.OK) {
            throw new IllegalStateException(what + " failed with nfsstat3 " + status);
        }
    }
}
