package io.dittofs.metadata.grpc.coherence;

import io.dittofs.contracts.metadata.v1.Heartbeat;
import io.dittofs.contracts.metadata.v1.Invalidation;
import io.dittofs.contracts.metadata.v1.WatchEvent;
import io.dittofs.contracts.metadata.v1.WatchRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway's invalidation stream. Everything sent to it goes through {@link #emit} under its
 * lock, so an echo of a Renew sent after an invalidation reaches the gateway after it: that
 * ordering is what makes the lease safe (see {@link InvalidationHub}).
 */
final class Subscriber implements StreamObserver<WatchRequest> {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    private final InvalidationHub hub;
    private final StreamObserver<WatchEvent> out;
    private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> pending = new ConcurrentSkipListMap<>();
    private volatile String gatewayId;
    private volatile long lastHeard = System.nanoTime();
    /** When this hub last answered a Renew: the gateway serves at most one lease past it. */
    private volatile long lastEcho = System.nanoTime();
    private volatile boolean closed;

    Subscriber(InvalidationHub hub, StreamObserver<WatchEvent> out) {
        this.hub = hub;
        this.out = out;
    }

    String gatewayId() {
        return gatewayId;
    }

    boolean closed() {
        return closed;
    }

    long lastHeard() {
        return lastHeard;
    }

    long servesUntil() {
        return lastEcho + hub.leaseNanos();
    }

    /** Queues an invalidation; the future completes when the gateway acknowledges it. */
    CompletableFuture<Void> send(Invalidation inv) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        pending.put(inv.getSequence(), ack);
        if (!emit(WatchEvent.newBuilder().setInvalidation(inv).build())) {
            ack.complete(null);
        }
        return ack;
    }

    private synchronized boolean emit(WatchEvent e) {
        if (closed) {
            return false;
        }
        try {
            out.onNext(e);
            if (e.hasHeartbeat()) {
                lastEcho = System.nanoTime();
            }
            return true;
        } catch (RuntimeException failed) {
            // the call is already cancelled: treat like a broken stream
            log.debug("invalidation stream of {} failed: {}", gatewayId, failed.toString());
            closeBroken();
            return false;
        }
    }

    @Override
    public void onNext(WatchRequest r) {
        lastHeard = System.nanoTime();
        switch (r.getKindCase()) {
            case SUBSCRIBE -> {
                if (gatewayId == null && !r.getSubscribe().getGatewayId().isEmpty()) {
                    gatewayId = r.getSubscribe().getGatewayId();
                    hub.register(this);
                }
            }
            case ACK -> {
                ConcurrentNavigableMap<Long, CompletableFuture<Void>> done = pending.headMap(r.getAck(), true);
                done.values().forEach(f -> f.complete(null));
                done.clear();
            }
            case RENEW -> {
                // only a registered subscriber gets a lease: its invalidations are sent from then on
                if (gatewayId != null) {
                    emit(WatchEvent.newBuilder().setHeartbeat(Heartbeat.newBuilder().setRenew(r.getRenew())
                            .setLeaseMillis(hub.leaseMillis())).build());
                }
            }
            case KIND_NOT_SET -> log.debug("empty watch message from {}", gatewayId);
        }
    }

    /** The gateway half-closed: it cleared its cache and stopped serving first, so it is gone now. */
    @Override
    public void onCompleted() {
        synchronized (this) {
            closed = true;
        }
        hub.unregister(this);
        releasePending();
        try {
            out.onCompleted();
        } catch (RuntimeException e) {
            log.debug("closing invalidation stream of {}: {}", gatewayId, e.toString());
        }
    }

    /** Cancelled or broken: the gateway may not know yet, so it stays a ghost until its lease ends. */
    @Override
    public void onError(Throwable t) {
        log.info("invalidation stream of gateway {} ended: {}", gatewayId, Status.fromThrowable(t));
        closeBroken();
    }

    private void closeBroken() {
        synchronized (this) {
            closed = true;
        }
        // publications waiting on it fall back to waiting for its lease (InvalidationHub#publish)
        releasePendingAtLeaseEnd();
    }

    /** Drops a gateway that missed the lease: its stream is cancelled, it stops serving on its own. */
    void drop(String why) {
        log.warn("dropping gateway {} from invalidations: {}", gatewayId, why);
        synchronized (this) {
            if (!closed) {
                closed = true;
                try {
                    out.onError(Status.UNAVAILABLE.withDescription(why).asRuntimeException());
                } catch (RuntimeException e) {
                    log.debug("cancelling invalidation stream of {}: {}", gatewayId, e.toString());
                }
            }
        }
        releasePendingAtLeaseEnd();
    }

    private void releasePending() {
        pending.values().forEach(f -> f.complete(null));
        pending.clear();
    }

    /**
     * Waiters of a stream that broke: they may proceed once the gateway's lease is surely over.
     * The hub's reaper removes the ghost after that too.
     */
    private void releasePendingAtLeaseEnd() {
        long wait = servesUntil() - System.nanoTime();
        if (wait <= 0) {
            releasePending();
            return;
        }
        CompletableFuture.delayedExecutor(wait, java.util.concurrent.TimeUnit.NANOSECONDS).execute(this::releasePending);
    }
}
