package io.dittofs.metadata.core.content;

import io.dittofs.metadata.spi.MetadataStore;
import io.dittofs.metadata.spi.Release;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Targeted passes: an operation that released one payload names it ({@link #kick(byte[])}),
 * and a pass over named payloads reads just those entries instead of scanning the outbox. A scan
 * in an LSM store walks the tombstones of every entry acknowledged since the last compaction, so
 * a scan per burst of REMOVEs cost more than the REMOVEs. Scans remain the safety net: at start,
 * every {@code retryInterval}, after any failure and when too many names queue up.
 */
public final class ReleaseDrain implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReleaseDrain.class);
    private static final int BATCH = 256;
    /** How long a kicked pass waits for more entries; nothing waits for the drain but space. */
    private static final long GATHER_MILLIS = 50;
    /** More named payloads than this waiting: the next pass scans instead (bounds the queue). */
    private static final int MAX_NAMED = 4096;

    private final MetadataStore store;
    private final ContentReleaser releaser;
    private final Duration retryInterval;
    private final Semaphore kicks = new Semaphore(0);
    private final ConcurrentLinkedQueue<byte[]> named = new ConcurrentLinkedQueue<>();
    private final AtomicInteger namedCount = new AtomicInteger();
    private volatile boolean scanNeeded = true;
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

    /** Asks the loop for a scan of the whole outbox now (non-blocking). */
    public void kick() {
        scanNeeded = true;
        kicks.release();
    }

    /** Asks the loop to apply this payload's entry now (non-blocking); cheaper than a scan. */
    public void kick(byte[] payloadId) {
        if (releaser == ContentReleaser.NONE) {
            return;
        }
        if (namedCount.incrementAndGet() > MAX_NAMED) {
            namedCount.decrementAndGet();
            scanNeeded = true;
        } else {
            named.add(payloadId);
        }
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
                store.syncNamespace();
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
        return applyAll(store.read(tx -> tx.releases(BATCH)));
    }

    private int applyAll(List<Release> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Release> applied = new ArrayList<>(batch.size());
        try {
            // with asynchronous namespace commits the REMOVE that released an entry may not be
            // durable yet: content goes only once the name's removal can no longer come back
            store.syncNamespace();
            if (!closed) {
                // one DeleteMany for the pass's deletes, not a call per REMOVE
                releaser.applyAll(batch, (r, ok) -> {
                    dropIfRefused(r, ok);
                    applied.add(r);
                });
            }
        } finally {
            acknowledge(applied);
        }
        return applied.size();
    }

    /**
     * One pass over the payloads named since the last pass: only their entries are read (an
     * entry acknowledged meanwhile is skipped). Returns how many were acknowledged.
     */
    public int drainNamed() {
        List<byte[]> ids = new ArrayList<>();
        byte[] id;
        while (ids.size() < BATCH && (id = named.poll()) != null) {
            namedCount.decrementAndGet();
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        List<Release> batch = store.read(tx -> {
            List<Release> found = new ArrayList<>(ids.size());
            for (byte[] p : ids) {
                Optional<Long> size = tx.pendingRelease(p);
                size.ifPresent(s -> found.add(new Release(p, s)));
            }
            return found;
        });
        return applyAll(batch);
    }

    /** A scan is about to find every entry: the named ones need no pass of their own. */
    private void forgetNamed() {
        while (named.poll() != null) {
            namedCount.decrementAndGet();
        }
    }

    private void applyAndAck(Release r) {
        apply(r);
        acknowledge(List.of(r));
    }

    private void apply(Release r) {
        dropIfRefused(r, releaser.apply(r));
    }

    private static void dropIfRefused(Release r, boolean applied) {
        if (!applied) {
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
                if (scanNeeded) {
                    scanNeeded = false;
                    forgetNamed();
                    int n;
                    do {
                        n = drainOnce();
                    } while (n == BATCH && !closed);
                } else {
                    while (!named.isEmpty() && !closed) {
                        drainNamed();
                    }
                }
            } catch (RuntimeException e) {
                // whatever was named is still in the outbox: the next scan finds it
                scanNeeded = true;
                log.warn("content release drain paused {} (content service unreachable?): {}", retryInterval, e.toString());
            }
            try {
                if (!kicks.tryAcquire(retryInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    // the periodic safety net: entries left by a crash or a failure
                    scanNeeded = true;
                } else {
                    // a burst of removes is drained in one pass: one read and one acknowledging
                    // write for the entries of a few milliseconds, not one per REMOVE
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
