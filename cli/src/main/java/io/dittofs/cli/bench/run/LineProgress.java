package io.dittofs.cli.bench.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Plain lines for logs and pipes: one every few seconds while a task runs, one when it ends. */
final class LineProgress implements Progress {

    private final PrintWriter out;
    private final ScheduledExecutorService ticker;
    private final AtomicLong ops = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile String task;
    private volatile long total;
    private volatile long startNanos;

    LineProgress(PrintWriter out, long intervalMillis) {
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        String t = task;
        if (t == null) {
            return;
        }
        double sec = (System.nanoTime() - startNanos) / 1e9;
        out.printf(Locale.ROOT, "%s: %d/%d ops, %.0f ops/s, %.1f MiB/s%n", t, ops.get(), total, ops.get() / sec,
                bytes.get() / sec / (1 << 20));
        out.flush();
    }

    @Override
    public void start(String task, long totalOperations) {
        ops.set(0);
        bytes.set(0);
        total = totalOperations;
        startNanos = System.nanoTime();
        this.task = task;
    }

    @Override
    public void step(long moved) {
        ops.incrementAndGet();
        bytes.addAndGet(moved);
    }

    @Override
    public void finish(double seconds, double opsPerSec, double mibPerSec) {
        String t = task;
        task = null;
        out.printf(Locale.ROOT, "%s: done, %d ops in %.2f s, %.0f ops/s, %.1f MiB/s%n", t, total, seconds, opsPerSec,
                mibPerSec);
        out.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
