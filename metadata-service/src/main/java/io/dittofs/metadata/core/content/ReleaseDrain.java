package io.dittofs.metadata.core.content;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.Release;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the content outbox to the block-service and acknowledges each entry (deletes it) once
 * applied. Runs when kicked (after every operation that recorded an entry) and at least every
 * {@code retryInterval}, so an entry left behind by an unreachable block-service or a crash of
 * either process is applied within one interval of both being up again.
 *
 * <p>Crash safety: the entry is deleted only after the content call succeeded, and only if it
 * is still the same entry (a newer, smaller cut of the same payload is kept for the next round).
 * A crash between applying and acknowledging applies it again; both calls are idempotent
 * (delete of a deleted payload, cut to a size the content already has — growth is refused while
 * a cut is pending, see {@link ContentOutbox}).
 */
public final class ReleaseDrain implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReleaseDrain.class);
    private static final int BATCH = 256;
    /** How long a kicked pass waits for more entries; nothing waits for the drain but space. */
    private static final long GATHER_MILLIS = 5;

    private final MetadataStore store;
    private final ContentReleaser releaser;
    private final Duration retryInterval;
    private final Semaphore kicks = new Semaphore(0);
    private volatile boolean closed;
    private Thread loop;

    public ReleaseDrain(MetadataStore store, ContentReleaser releaser, Duration retryInterval) {
        this.store = store;
        this.releaser = releaser;
        this.retryInterval = retryInterval;
    }

    public synchronized void start() {
        if (loop == null && releaser != ContentReleaser.NONE) {
            loop = Thread.ofVirtual().name("content-release-drain").start(this::run);
        }
    }

    /** Asks the loop for a round now (non-blocking). */
    public void kick() {
        kicks.release();
    }

    /**
     * Applies the payload's pending entry now, in the caller's thread (SETATTR's shrink, so that
     * the next grow is not refused). A failure leaves the entry to the loop.
     */
    public void applyNow(byte[] payloadId) {
        if (releaser == ContentReleaser.NONE) {
            return;
        }
        store.read(tx -> tx.pendingRelease(payloadId)).ifPresent(size -> {
            try {
                applyAndAck(new Release(payloadId, size));
            } catch (RuntimeException e) {
                log.warn("content release {} failed, the drain retries it: {}", new Release(payloadId, size), e.toString());
                kick();
            }
        });
    }

    /**
     * One pass over the outbox; returns how many entries were acknowledged. Stops at the first
     * unreachable call, acknowledging what was applied before it. The acknowledgements of a pass
     * are one store write, not one per entry.
     */
    public int drainOnce() {
        List<Release> batch = store.read(tx -> tx.releases(BATCH));
        List<Release> applied = new ArrayList<>(batch.size());
        try {
            for (Release r : batch) {
                if (closed) {
                    break;
                }
                apply(r);
                applied.add(r);
            }
        } finally {
            acknowledge(applied);
        }
        return applied.size();
    }

    private void applyAndAck(Release r) {
        apply(r);
        acknowledge(List.of(r));
    }

    private void apply(Release r) {
        if (!releaser.apply(r)) {
            log.error("content release {} can never be applied; dropped from the outbox", r);
        }
    }

    private void acknowledge(List<Release> applied) {
        if (applied.isEmpty()) {
            return;
        }
        // Not forced to disk: a lost acknowledgement only applies the entry once more after a
        // crash (idempotent), and any later durable write or sync makes it durable anyway — so a
        // REMOVE costs one fsync, not two.
        store.writeDeferred(tx -> {
            for (Release r : applied) {
                if (tx.pendingRelease(r.payloadId()).filter(s -> s == r.size()).isPresent()) {
                    tx.deleteRelease(r.payloadId());
                }
            }
            return null;
        });
    }

    private void run() {
        while (!closed) {
            try {
                int n;
                do {
                    n = drainOnce();
                } while (n == BATCH && !closed);
            } catch (RuntimeException e) {
                log.warn("content release drain paused {} (content service unreachable?): {}", retryInterval, e.toString());
            }
            try {
                if (kicks.tryAcquire(retryInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    // a burst of removes is drained in one pass: one outbox scan and one
                    // acknowledging write for the entries of a few milliseconds, not one per REMOVE
                    Thread.sleep(GATHER_MILLIS);
                }
                kicks.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = loop;
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
