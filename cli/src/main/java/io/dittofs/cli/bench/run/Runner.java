package io.dittofs.cli.bench.run;

import io.dittofs.cli.bench.target.BenchTarget;
import io.dittofs.cli.bench.target.Session;
import io.dittofs.cli.bench.workload.BenchParams;
import io.dittofs.cli.bench.workload.Worker;
import io.dittofs.cli.bench.workload.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs workloads on a target: threads x depth workers, each its own session, for warm-up plus
 * measured iterations; warm-up results are dropped. Everything it creates lives in one run
 * directory that is removed at the end.
 */
public final class Runner {

    private final BenchTarget target;
    private final BenchParams params;
    private final int workers;
    private final int warmup;
    private final int iterations;
    private final Progress progress;
    private final long seed;

    public Runner(BenchTarget target, BenchParams params, int workers, int warmup, int iterations, Progress progress,
                  long seed) {
        this.target = target;
        this.params = params;
        this.workers = workers;
        this.warmup = warmup;
        this.iterations = iterations;
        this.progress = progress;
        this.seed = seed;
    }

    @FunctionalInterface
    private interface Step {
        void accept(Worker w) throws IOException;
    }

    public List<BenchResult.WorkloadResult> run(List<Workload> workloads) throws IOException, InterruptedException {
        String runDir = "dfs-bench-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
        target.createRunDir(runDir);
        List<Session> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Worker> ws = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Session s = target.open(runDir);
                sessions.add(s);
                ws.add(new Worker(i, s, params, seed));
            }
            List<BenchResult.WorkloadResult> results = new ArrayList<>();
            for (Workload wl : workloads) {
                results.add(runWorkload(wl, ws, pool));
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            for (Session s : sessions) {
                s.close();
            }
            target.removeRunDir(runDir);
        }
    }

    private BenchResult.WorkloadResult runWorkload(Workload wl, List<Worker> ws, ExecutorService pool)
            throws IOException, InterruptedException {
        List<BenchResult.Iteration> its = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        long ops = wl.operations(params);
        for (int it = 0; it < warmup + iterations; it++) {
            boolean warm = it < warmup;
            String dirPrefix = wl.name() + "-" + it + "-w";
            long iterSeed = seed + it;
            all(pool, ws, w -> {
                w.session().mkdir(dirPrefix + w.index());
                w.begin(dirPrefix + w.index(), iterSeed);
                wl.prepare(w);
            });
            String task = wl.name() + (warm ? " warm-up " + (it + 1) + "/" + warmup
                    : " iteration " + (it - warmup + 1) + "/" + iterations);
            long[][] lat = new long[ws.size()][(int) ops];
            long[] bytes = new long[ws.size()];
            progress.start(task, ops * ws.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> fs = new ArrayList<>();
            for (Worker w : ws) {
                fs.add(pool.submit(() -> {
                    go.await();
                    for (long i = 0; i < ops; i++) {
                        long t0 = System.nanoTime();
                        long moved = wl.run(w, i);
                        lat[w.index()][(int) i] = System.nanoTime() - t0;
                        bytes[w.index()] += moved;
                        progress.step(moved);
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            await(fs);
            double seconds = (System.nanoTime() - start) / 1e9;
            long totalBytes = 0;
            for (long b : bytes) {
                totalBytes += b;
            }
            long totalOps = ops * ws.size();
            double opsPerSec = totalOps / seconds;
            double mibPerSec = totalBytes / seconds / (1 << 20);
            progress.finish(seconds, opsPerSec, mibPerSec);
            all(pool, ws, w -> {
                wl.cleanup(w);
                w.session().rmdir(w.dir());
            });
            if (!warm) {
                its.add(new BenchResult.Iteration(it - warmup + 1, Spread.round(seconds), totalOps, totalBytes,
                        Spread.round(opsPerSec), Spread.round(mibPerSec)));
                latencies.addAll(List.of(lat));
            }
        }
        long[] merged = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new BenchResult.WorkloadResult(wl.name(), wl.description(), its,
                Spread.of(its.stream().map(BenchResult.Iteration::opsPerSec).toList()),
                Spread.of(its.stream().map(BenchResult.Iteration::mibPerSec).toList()), LatencyStats.ofNanos(merged));
    }

    private static void all(ExecutorService pool, List<Worker> ws, Step step) throws IOException, InterruptedException {
        List<Future<?>> fs = new ArrayList<>();
        for (Worker w : ws) {
            fs.add(pool.submit(() -> {
                step.accept(w);
                return null;
            }));
        }
        await(fs);
    }

    private static void await(List<Future<?>> fs) throws IOException, InterruptedException {
        IOException first = null;
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (first == null) {
                    first = c instanceof IOException io ? io : new IOException(String.valueOf(c.getMessage()), c);
                } else {
                    first.addSuppressed(c);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
