package io.dittofs.block.local.fs;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind for blocks put without sync: a background thread fsyncs them soon after they are
 * put, so the log force of a later COMMIT (which must sync every one of them first) finds most of
 * them clean instead of writing them back one by one while the client waits. Best effort: a failed
 * pass is logged and left to the force, which reports it to its caller.
 */
final class BlockFlusher implements AutoCloseable {

    @FunctionalInterface
    interface Pass {
        void run() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(BlockFlusher.class);

    private final Semaphore wake = new Semaphore(0);
    private final Pass pass;
    private volatile Thread thread;
    private volatile boolean closed;

    BlockFlusher(Pass pass) {
        this.pass = pass;
    }

    /** A block was put: flush soon. Starts the thread on first use (stores that never stage start none). */
    void poke() {
        if (thread == null) {
            synchronized (this) {
                if (thread == null && !closed) {
                    thread = Thread.ofPlatform().daemon().name("block-flusher").start(this::loop);
                }
            }
        }
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                wake.acquire();
                wake.drainPermits();
                pass.run();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("background sync of blocks failed (the next log force retries it): {}", e.toString());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
