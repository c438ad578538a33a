package io.dittofs.metadata.grpc.coherence;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.metadata.v1.Invalidation;
import io.dittofs.contracts.metadata.v1.WatchEvent;
import io.dittofs.contracts.metadata.v1.WatchRequest;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps gateway attribute caches coherent with the namespace (docs/architecture.md, "Gateway
 * attribute cache: coherence"). A mutation, after it committed and before it is answered,
 * {@linkplain #publish publishes} what it changed to every subscribed gateway except the one that
 * asked for it, and returns only when each has acknowledged (dropped its entries) or has been
 * dropped for missing the lease. A gateway serves from its cache only within one lease of having
 * sent a Renew that this hub answered, so a dropped gateway has stopped serving by the time the
 * mutation is answered. With no subscriber a publication costs a counter increment.
 */
public final class InvalidationHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InvalidationHub.class);

    private final long leaseNanos;
    private final int leaseMillis;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Started with the first subscriber: a service no gateway caches for runs no extra thread. */
    private ScheduledExecutorService reaper;
    private boolean closed;

    public InvalidationHub(Duration lease) {
        if (lease == null || lease.toMillis() < 10 || lease.toMillis() > 60_000) {
            throw new IllegalArgumentException("dittofs.metadata.cache-lease must be between 10ms and 60s (got " + lease + ")");
        }
        this.leaseNanos = lease.toNanos();
        this.leaseMillis = (int) lease.toMillis();
    }

    private synchronized void startReaper() {
        if (reaper != null || closed) {
            return;
        }
        reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "invalidation-hub-reaper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(5, leaseMillis / 2);
        reaper.scheduleWithFixedDelay(this::reap, period, period, TimeUnit.MILLISECONDS);
    }

    /** The stream of one gateway: what it sends is handled by the returned observer. */
    public StreamObserver<WatchRequest> watch(StreamObserver<WatchEvent> out) {
        return new Subscriber(this, out);
    }

    /** Subscribers currently registered, live or not yet expired (for tests and metrics). */
    public int subscribers() {
        return subscribers.size();
    }

    long leaseNanos() {
        return leaseNanos;
    }

    int leaseMillis() {
        return leaseMillis;
    }

    void register(Subscriber s) {
        startReaper();
        subscribers.add(s);
        log.info("gateway {} subscribed to invalidations", s.gatewayId());
    }

    void unregister(Subscriber s) {
        subscribers.remove(s);
    }

    /**
     * Publishes a committed change and waits as the coherence rule requires.
     *
     * @param origin  the gateway whose call made the change (it is told in the response), or null
     * @param handles the objects whose attributes, entries or access results changed
     * @param all     everything may have changed (a share was deleted)
     * @return the invalidation, for the origin's response header; null when nobody needs it
     */
    public Invalidation publish(String origin, List<FileHandle> handles, boolean all) {
        return publish(origin, Invalidation.newBuilder().addAllHandles(handles).setAll(all));
    }

    /** Like {@link #publish(String, List, boolean)} with attribute-only handles and changed names. */
    public Invalidation publish(String origin, Invalidation.Builder change) {
        if (origin == null && subscribers.isEmpty()) {
            return null;
        }
        Invalidation inv = change.setSequence(sequence.incrementAndGet()).build();
        List<Subscriber> targets = new ArrayList<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        long ghostsUntil = 0;
        boolean ghosts = false;
        for (Subscriber s : subscribers) {
            if (origin != null && origin.equals(s.gatewayId())) {
                continue;
            }
            if (s.closed()) {
                // its stream broke without a goodbye: it may still serve until its lease runs out
                long until = s.servesUntil();
                ghostsUntil = ghosts ? Math.max(ghostsUntil, until) : until;
                ghosts = true;
                continue;
            }
            targets.add(s);
            acks.add(s.send(inv));
        }
        // measured after the last send: a gateway may serve up to one lease after a Renew this hub
        // answered before the invalidation was queued to it
        long deadline = System.nanoTime() + leaseNanos;
        if (!acks.isEmpty()) {
            awaitUninterruptibly(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), deadline);
            for (int i = 0; i < targets.size(); i++) {
                if (!acks.get(i).isDone()) {
                    targets.get(i).drop("did not acknowledge invalidation " + inv.getSequence() + " within the lease");
                }
            }
        }
        if (ghosts) {
            sleepUntil(ghostsUntil);
        }
        return inv;
    }

    private static void awaitUninterruptibly(CompletableFuture<Void> all, long deadline) {
        boolean interrupted = false;
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    all.get(left, TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    // the answer must not leave before the rule is met: keep waiting, re-interrupt after
                    interrupted = true;
                } catch (TimeoutException e) {
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("acknowledgement futures never fail", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** Forgets ghosts whose lease is over and drops subscribers silent for three leases. */
    private void reap() {
        long now = System.nanoTime();
        for (Subscriber s : subscribers) {
            if (s.closed()) {
                if (now - s.servesUntil() > 0) {
                    subscribers.remove(s);
                }
            } else if (now - s.lastHeard() > 3 * leaseNanos) {
                s.drop("silent for three leases");
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (reaper != null) {
                reaper.shutdownNow();
            }
        }
        for (Subscriber s : subscribers) {
            s.drop("metadata-service stopping");   // logged as a warning, like any drop: rare
        }
    }
}
