package io.dittofs.contracts.grpc;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A virtual thread per task, like {@code Executors.newVirtualThreadPerTaskExecutor()} but without
 * its set of live threads: under JFR that set's removal at every task end was the single hottest
 * method of the gateway (a concurrent-map write per call, docs/profiles/). Shutdown stops new tasks
 * and {@link #awaitTermination} waits for running ones by a counter; {@link #shutdownNow} cannot
 * interrupt threads it does not track, so it only shuts down.
 */
public final class VirtualThreadExecutor extends AbstractExecutorService {

    private final ThreadFactory threads = Thread.ofVirtual().factory();
    private final LongAdder running = new LongAdder();
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("executor shut down");
        }
        running.increment();
        Thread t = threads.newThread(() -> {
            try {
                task.run();
            } finally {
                running.decrement();
            }
        });
        t.start();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && running.sum() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isTerminated()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
