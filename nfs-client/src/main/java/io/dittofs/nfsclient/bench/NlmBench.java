package io.dittofs.nfsclient.bench;

import io.dittofs.nfsclient.Nfs3;
import io.dittofs.nfsclient.NfsClient;
import io.dittofs.nfsclient.NlmClient;
import io.dittofs.nfsclient.RpcClient;
import io.dittofs.nfsclient.Sattr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * NLM v4 lock + unlock round trips per second through the gateway, the NLM figure in
 * docs/lock-service.md. Uncontended: each thread (its own host and connection) locks its own range
 * of one file. Contended: every thread tries the same range without blocking, so most answers are
 * DENIED. A benchmark, not a test:
 * {@code java -cp nfs-client.jar io.dittofs.nfsclient.bench.NlmBench HOST NFSPORT EXPORT [SECONDS] [THREADS]}.
 */
public final class NlmBench {

    private NlmBench() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String export = args[2];
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        byte[] fh;
        try (NfsClient c = new NfsClient(host, port, RpcClient.Auth.sys(0, 0))) {
            var f = c.create(c.mount(export), "nlm-bench-" + System.nanoTime(), 1, Sattr.mode(0666));
            if (f.status() != Nfs3.OK) {
                throw new IllegalStateException("create failed: " + f.status());
            }
            fh = f.handle();
        }
        for (boolean contended : new boolean[] {false, true}) {
            run(host, port, fh, seconds, threads, contended); // warm-up
            double rate = run(host, port, fh, seconds, threads, contended);
            System.out.printf("%s, %d threads: %.0f lock+unlock/s%n", contended ? "contended" : "uncontended",
                    threads, rate);
        }
    }

    private static double run(String host, int port, byte[] fh, int seconds, int threads, boolean contended)
            throws Exception {
        LongAdder done = new LongAdder();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try (NlmClient nlm = new NlmClient(host, port, "bench-host-" + id)) {
                    long offset = contended ? 0 : id * 4096L;
                    while (System.nanoTime() < until) {
                        if (nlm.lock(fh, id, offset, 4096, true, false) == NlmClient.GRANTED) {
                            nlm.unlock(fh, id, offset, 4096);
                        }
                        done.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.sum() / (double) seconds;
    }
}
