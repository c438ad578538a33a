package io.dittofs.cli.bench.run;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar with live operations and MiB per second. */
final class BarProgress implements Progress {

    private final PrintStream out;
    private final AtomicLong bytes = new AtomicLong();
    private ProgressBar bar;
    private long startNanos;

    BarProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void start(String task, long totalOperations) {
        bytes.set(0);
        startNanos = System.nanoTime();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalOperations).setUnit(" ops", 1)
                .showSpeed().setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(out)).build();
    }

    @Override
    public void step(long moved) {
        long total = bytes.addAndGet(moved);
        ProgressBar b = bar;
        b.step();
        double sec = (System.nanoTime() - startNanos) / 1e9;
        if (total > 0 && sec > 0) {
            b.setExtraMessage(String.format("%.1f MiB/s", total / sec / (1 << 20)));
        }
    }

    @Override
    public void finish(double seconds, double opsPerSec, double mibPerSec) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        finish(0, 0, 0);
    }
}
