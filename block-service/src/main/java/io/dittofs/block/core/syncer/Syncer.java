package io.dittofs.block.core.syncer;

import io.dittofs.block.core.cas.BlockHash;
import io.dittofs.block.core.cas.ContentStore;
import io.dittofs.block.core.gc.RefCounts;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of the remote tier. Uploads sealed, checkpointed blocks and deletes collected
 * ones, retrying each with exponential backoff until it succeeds or the syncer stops. Liveness is
 * re-checked before every attempt: a block that lost its last reference is never uploaded.
 *
 * <p>{@code workers} uploads run in parallel (an object store's throughput comes from concurrent
 * requests). Each block always goes to the same worker (by its hash), whose queue is ordered, so
 * a delete and a later re-upload of the same content still cannot swap; different blocks are
 * independent.
 */
public final class Syncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Syncer.class);

    private record Task(boolean upload, BlockHash hash) {
    }

    private final ContentStore content;
    private final RefCounts refs;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final LinkedBlockingDeque<Task>[] queues;
    private final AtomicLong failures = new AtomicLong();
    private final Thread[] workers;
    private final java.util.concurrent.atomic.AtomicInteger outstanding = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running = true;

    public Syncer(ContentStore content, RefCounts refs, Duration initialBackoff, Duration maxBackoff) {
        this(content, refs, initialBackoff, maxBackoff, 1);
    }

    @SuppressWarnings("unchecked")
    public Syncer(ContentStore content, RefCounts refs, Duration initialBackoff, Duration maxBackoff, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one syncer worker (got " + workers + ")");
        }
        this.content = content;
        this.refs = refs;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.queues = new LinkedBlockingDeque[workers];
        this.workers = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            LinkedBlockingDeque<Task> q = new LinkedBlockingDeque<>();
            queues[i] = q;
            this.workers[i] = Thread.ofPlatform().daemon().name("block-syncer-" + i).start(() -> run(q));
        }
    }

    public void upload(BlockHash hash) {
        enqueue(new Task(true, hash));
    }

    public void delete(BlockHash hash) {
        enqueue(new Task(false, hash));
    }

    private void enqueue(Task task) {
        outstanding.incrementAndGet();
        queues[Math.floorMod(task.hash().hashCode(), queues.length)].add(task);
    }

    public int workers() {
        return workers.length;
    }

    /** Failed attempts so far (for tests and metrics). */
    public long failures() {
        return failures.get();
    }

    public int pending() {
        return outstanding.get();
    }

    /** Waits until every queued task is done; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void run(LinkedBlockingDeque<Task> queue) {
        while (running) {
            Task task;
            try {
                task = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                continue;
            }
            try {
                perform(task);
            } finally {
                outstanding.decrementAndGet();
            }
        }
    }

    private void perform(Task task) {
        long backoff = initialBackoff.toMillis();
        while (running) {
            try {
                if (task.upload()) {
                    if (!refs.live(task.hash()) || content.onRemote().contains(task.hash())) {
                        return;
                    }
                    ByteBuffer b = content.readAll(task.hash());
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    content.remote().put(content.key(task.hash()), bytes);
                    content.onRemote().add(task.hash());
                } else {
                    if (refs.live(task.hash())) {
                        return;
                    }
                    content.remote().delete(content.key(task.hash()));
                    content.onRemote().remove(task.hash());
                }
                return;
            } catch (Exception e) {
                failures.incrementAndGet();
                log.warn("remote tier: {} of block {} failed ({}); retrying in {} ms", task.upload() ? "upload" : "delete",
                        task.hash(), e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread w : workers) {
            w.interrupt();
        }
        try {
            for (Thread w : workers) {
                w.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
