package io.dittofs.gateway.fs.grpc;

import io.dittofs.contracts.common.v1.FileHandle;
import io.dittofs.contracts.metadata.v1.Invalidation;
import io.dittofs.contracts.metadata.v1.MetadataServiceGrpc;
import io.dittofs.contracts.metadata.v1.Subscribe;
import io.dittofs.contracts.metadata.v1.WatchEvent;
import io.dittofs.contracts.metadata.v1.WatchRequest;
import io.dittofs.gateway.fs.AttrCache;
import io.dittofs.gateway.fs.model.Handle;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This gateway's end of the metadata-service's invalidation stream: applies invalidations to the
 * {@link AttrCache} before acknowledging them, renews the lease every third of it and grants the
 * cache a lease measured from when each answered Renew was <em>sent</em> (less a tenth for clock
 * drift), so the cache stops serving before the service gives up on an unanswered invalidation.
 * A broken or lapsed stream clears the cache; a new one is opened under a new gateway id.
 */
public final class InvalidationWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InvalidationWatch.class);
    private static final long TICK_MILLIS = 50;
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long UNIMPLEMENTED_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final MetadataServiceGrpc.MetadataServiceStub stub;
    private final AttrCache cache;
    private final ScheduledExecutorService timer;
    private final AtomicLong nonces = new AtomicLong();
    private volatile String gatewayId = newId();
    private volatile Stream current;
    private volatile long reconnectAt = System.nanoTime();
    /** Until the service says otherwise (each Heartbeat carries it). */
    private volatile long leaseNanos = TimeUnit.SECONDS.toNanos(2);
    private volatile boolean closed;

    public InvalidationWatch(Channel metadata, AttrCache cache) {
        this.stub = MetadataServiceGrpc.newStub(metadata);
        this.cache = cache;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "attr-cache-watch");
            t.setDaemon(true);
            return t;
        });
    }

    public InvalidationWatch start() {
        timer.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The id this gateway's calls carry (x-dittofs-gateway); changes when the stream is restarted. */
    public String gatewayId() {
        return gatewayId;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Coherence is in doubt (a mutation of this gateway failed, so its invalidation may never have
     * been seen): clear now, and re-subscribe under a new id so that a mutation still in flight
     * under the old one is sent to this gateway like anyone else's.
     */
    public synchronized void restart(String why) {
        log.info("attribute cache cleared, re-subscribing: {}", why);
        cache.reset();
        gatewayId = newId();
        Stream s = current;
        current = null;
        if (s != null) {
            s.end();
        }
        reconnectAt = System.nanoTime();
    }

    private void tick() {
        try {
            if (closed) {
                return;
            }
            Stream s = current;
            long now = System.nanoTime();
            if (s == null) {
                if (now - reconnectAt >= 0) {
                    connect();
                }
                return;
            }
            if (cache.lapsed()) {
                restart("no answered renew within the lease");
                return;
            }
            if (now - s.lastRenew >= leaseNanos / 3) {
                s.renew();
            }
        } catch (RuntimeException e) {
            // the timer must survive: a failed tick is retried 50 ms later
            log.warn("attribute cache watch tick failed", e);
        }
    }

    private synchronized void connect() {
        if (closed || current != null) {
            return;
        }
        Stream s = new Stream();
        current = s;
        log.debug("subscribing to invalidations as {}", gatewayId);
        s.requests = stub.watchInvalidations(s);
        s.send(WatchRequest.newBuilder().setSubscribe(Subscribe.newBuilder().setGatewayId(gatewayId)).build());
        s.renew();
    }

    private synchronized void lost(Stream s, Throwable t) {
        if (current != s) {
            return;
        }
        cache.reset();
        current = null;
        Status st = t == null ? Status.OK : Status.fromThrowable(t);
        boolean unimplemented = st.getCode() == Status.Code.UNIMPLEMENTED;
        reconnectAt = System.nanoTime() + (unimplemented ? UNIMPLEMENTED_RETRY_NANOS : RETRY_NANOS);
        gatewayId = newId();
        if (!closed) {
            log.info("attribute cache off until the invalidation stream is back: {}", t == null ? "stream ended" : st);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        Stream s;
        synchronized (this) {
            s = current;
            current = null;
            cache.reset();
        }
        if (s != null) {
            s.end();
        }
    }

    /** One subscription. */
    private final class Stream implements StreamObserver<WatchEvent> {
        volatile StreamObserver<WatchRequest> requests;
        volatile long lastRenew;
        private final ConcurrentHashMap<Long, Long> renewSentAt = new ConcurrentHashMap<>();
        private boolean ended;

        void renew() {
            long nonce = nonces.incrementAndGet();
            long now = System.nanoTime();
            lastRenew = now;
            renewSentAt.put(nonce, now);
            // answers lost with a broken stream never come: keep only the recent ones
            renewSentAt.keySet().removeIf(n -> n < nonce - 16);
            send(WatchRequest.newBuilder().setRenew(nonce).build());
        }

        synchronized void send(WatchRequest r) {
            if (ended) {
                return;
            }
            try {
                requests.onNext(r);
            } catch (RuntimeException e) {
                log.debug("invalidation stream send failed: {}", e.toString());
            }
        }

        /** Half-close: the cache is already cleared, so the service may forget this gateway at once. */
        synchronized void end() {
            if (!ended) {
                ended = true;
                try {
                    requests.onCompleted();
                } catch (RuntimeException e) {
                    log.debug("invalidation stream close failed: {}", e.toString());
                }
            }
        }

        @Override
        public void onNext(WatchEvent e) {
            if (current != this) {
                return;
            }
            switch (e.getKindCase()) {
                case INVALIDATION -> {
                    Invalidation inv = e.getInvalidation();
                    apply(cache, inv);
                    send(WatchRequest.newBuilder().setAck(inv.getSequence()).build());
                }
                case HEARTBEAT -> {
                    Long sent = renewSentAt.remove(e.getHeartbeat().getRenew());
                    if (sent != null && e.getHeartbeat().getLeaseMillis() > 0) {
                        long lease = TimeUnit.MILLISECONDS.toNanos(e.getHeartbeat().getLeaseMillis());
                        leaseNanos = lease;
                        cache.extend(sent + lease - lease / 10);
                    }
                }
                case KIND_NOT_SET -> log.debug("empty invalidation event");
            }
        }

        @Override
        public void onError(Throwable t) {
            lost(this, t);
        }

        @Override
        public void onCompleted() {
            lost(this, null);
        }
    }

    /** Applies one invalidation (from the stream or from a mutation's answer). */
    static void apply(AttrCache cache, Invalidation inv) {
        if (inv.getAll()) {
            cache.invalidateAll();
            return;
        }
        List<AttrCache.Name> names = new ArrayList<>(inv.getNamesCount());
        for (var n : inv.getNamesList()) {
            Handle dir = CommonMapper.handle(n.getDir());
            if (dir != null) {
                names.add(new AttrCache.Name(dir, n.getName()));
            }
        }
        cache.invalidate(handles(inv.getHandlesList()), handles(inv.getAttrsList()), names);
    }

    private static List<Handle> handles(List<FileHandle> in) {
        List<Handle> hs = new ArrayList<>(in.size());
        for (FileHandle fh : in) {
            Handle h = CommonMapper.handle(fh);
            if (h != null) {
                hs.add(h);
            }
        }
        return hs;
    }
}
