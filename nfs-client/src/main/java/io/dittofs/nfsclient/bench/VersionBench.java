package io.dittofs.nfsclient.bench;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import io.dittofs.nfsclient.v4.Nfs4Client;

import java.util.SplittableRandom;

/**
 * The same workloads over NFSv3 and NFSv4.1 with the same Java client, one call at a time on one
 * connection: sequential write (1 MiB UNSTABLE WRITEs, COMMIT) and read of a file, N files
 * created / stat'ed by name / removed, GETATTR calls/s, random 4 KiB reads and writes. NFSv4.1
 * does what a v4.1 client must: OPEN (and CLOSE) around file I/O and each created file, SEQUENCE
 * in every compound. A benchmark, not a test:
 * {@code java -cp nfs-client.jar io.dittofs.nfsclient.bench.VersionBench HOST PORT V3_EXPORT V4_PATH [MiB] [FILES] [MOUNTPORT] [v3|v41|both]}.
 * Prints one line per version.
 */
public final class VersionBench {

    private static final int CHUNK = 1 << 20;
    private static final int BLOCK = 4096;
    private static final int RANDOM_OPS = 4000;
    private static final int CALLS = 10_000;

    private VersionBench() {
    }

    /** One version's client, reduced to what the workloads need. */
    private interface Target extends AutoCloseable {
        Object create(String name);          // an open (v4.1) or the handle (v3) for I/O

        void write(Object f, long off, byte[] data);

        int read(Object f, long off, int count);

        void commit(Object f);

        void done(Object f);                 // CLOSE for v4.1

        void stat(String name);

        void getattrRoot();

        void remove(String name);
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String v3Export = args[2];
        String v4Path = args[3];
        int mib = args.length > 4 ? Integer.parseInt(args[4]) : 256;
        int files = args.length > 5 ? Integer.parseInt(args[5]) : 2000;
        int mountPort = args.length > 6 ? Integer.parseInt(args[6]) : port;
        String which = args.length > 7 ? args[7] : "both";
        if (!which.equals("v41")) {
            try (Target t = v3(host, port, mountPort, v3Export)) {
                System.out.println("v3:   " + run(t, mib, files));
            }
        }
        if (!which.equals("v3")) {
            try (Target t = v41(host, port, v4Path)) {
                System.out.println("v4.1: " + run(t, mib, files));
            }
        }
    }

    private static String run(Target t, int mib, int files) {
        String tag = "vb-" + System.nanoTime();
        byte[] chunk = new byte[CHUNK];
        new SplittableRandom(7).nextBytes(chunk);
        // warm-up of every path (JIT on both sides), untimed
        Object w = t.create(tag + "-warm");
        for (int i = 0; i < 8; i++) {
            t.write(w, (long) i * CHUNK, chunk);
        }
        t.commit(w);
        for (int i = 0; i < 8; i++) {
            t.read(w, (long) i * CHUNK, CHUNK);
        }
        t.done(w);
        t.remove(tag + "-warm");

        Object f = t.create(tag + "-big");
        long t0 = System.nanoTime();
        for (int i = 0; i < mib; i++) {
            t.write(f, (long) i * CHUNK, chunk);
        }
        t.commit(f);
        long t1 = System.nanoTime();
        long got = 0;
        for (int i = 0; i < mib; i++) {
            got += t.read(f, (long) i * CHUNK, CHUNK);
        }
        long t2 = System.nanoTime();
        if (got != (long) mib * CHUNK) {
            throw new IllegalStateException("read " + got + " bytes of " + (long) mib * CHUNK);
        }
        SplittableRandom rnd = new SplittableRandom(3);
        byte[] small = new byte[BLOCK];
        long blocks = (long) mib * CHUNK / BLOCK;
        long t3 = System.nanoTime();
        for (int i = 0; i < RANDOM_OPS; i++) {
            t.read(f, rnd.nextLong(blocks) * BLOCK, BLOCK);
        }
        long t4 = System.nanoTime();
        for (int i = 0; i < RANDOM_OPS; i++) {
            t.write(f, rnd.nextLong(blocks) * BLOCK, small);
        }
        t.commit(f);
        long t5 = System.nanoTime();
        t.done(f);
        t.remove(tag + "-big");

        long c0 = System.nanoTime();
        for (int i = 0; i < files; i++) {
            t.done(t.create(tag + "-" + i));
        }
        long c1 = System.nanoTime();
        for (int i = 0; i < files; i++) {
            t.stat(tag + "-" + i);
        }
        long c2 = System.nanoTime();
        for (int i = 0; i < files; i++) {
            t.remove(tag + "-" + i);
        }
        long c3 = System.nanoTime();
        for (int i = 0; i < CALLS / 4; i++) {
            t.getattrRoot();
        }
        long g0 = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            t.getattrRoot();
        }
        long g1 = System.nanoTime();
        return String.format("write=%.1f MiB/s read=%.1f MiB/s randread4k=%.0f IOPS randwrite4k=%.0f IOPS "
                        + "create=%.0f ops/s stat=%.0f ops/s remove=%.0f ops/s getattr=%.0f calls/s",
                mib / sec(t1 - t0), mib / sec(t2 - t1), RANDOM_OPS / sec(t4 - t3), RANDOM_OPS / sec(t5 - t4),
                files / sec(c1 - c0), files / sec(c2 - c1), files / sec(c3 - c2), CALLS / sec(g1 - g0));
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static Target v3(String host, int port, int mountPort, String export) throws Exception {
        byte[] root;
        try (NfsClient m = new NfsClient(host, mountPort, RpcClient.Auth.sys(0, 0))) {
            root = m.mount(export);
        }
        NfsClient c = new NfsClient(host, port, RpcClient.Auth.sys(0, 0));
        return new Target() {
            @Override
            public Object create(String name) {
                var r = c.create(root, name, 0, Sattr.mode(0644));
                check(r.status(), "create");
                return r.handle();
            }

            @Override
            public void write(Object f, long off, byte[] data) {
                check(c.write((byte[]) f, off, data, Nfs3.UNSTABLE).status(), "write");
            }

            @Override
            public int read(Object f, long off, int count) {
                var r = c.read((byte[]) f, off, count);
                check(r.status(), "read");
                return r.count();
            }

            @Override
            public void commit(Object f) {
                check(c.commit((byte[]) f, 0, 0).status(), "commit");
            }

            @Override
            public void done(Object f) {
            }

            @Override
            public void stat(String name) {
                var l = c.lookup(root, name);
                check(l.status(), "lookup");
                check(c.getattr(l.handle()).status(), "getattr");
            }

            @Override
            public void getattrRoot() {
                check(c.getattr(root).status(), "getattr");
            }

            @Override
            public void remove(String name) {
                check(c.remove(root, name).status(), "remove");
            }

            @Override
            public void close() throws Exception {
                c.close();
            }
        };
    }

    private static Target v41(String host, int port, String path) throws Exception {
        Nfs4Client c = new Nfs4Client(host, port, RpcClient.Auth.sys(0, 0));
        c.establish();
        byte[] dir = c.lookup(path);
        return new Target() {
            @Override
            public Object create(String name) {
                return c.open(dir, name, Nfs4Client.ACCESS_BOTH, true);
            }

            @Override
            public void write(Object f, long off, byte[] data) {
                c.write((Nfs4Client.Opened) f, off, data, Nfs4Client.UNSTABLE);
            }

            @Override
            public int read(Object f, long off, int count) {
                return c.read((Nfs4Client.Opened) f, off, count).data().length;
            }

            @Override
            public void commit(Object f) {
                c.commit(((Nfs4Client.Opened) f).fh());
            }

            @Override
            public void done(Object f) {
                c.close((Nfs4Client.Opened) f);
            }

            @Override
            public void stat(String name) {
                c.statSize(dir, name);
            }

            @Override
            public void getattrRoot() {
                c.size(dir);
            }

            @Override
            public void remove(String name) {
                c.remove(dir, name);
            }

            @Override
            public void close() throws Exception {
                c.destroy();
                c.close();
            }
        };
    }

    private static void check(int status, String what) {
        if (status != Nfs3.OK) {
            throw new IllegalStateException(what + " failed with nfsstat3 " + status);
        }
    }
}
