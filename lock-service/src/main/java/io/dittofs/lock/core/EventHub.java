package io.dittofs.lock.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the one live subscription per gateway id. Events for a gateway without a
 * live subscription wait in its queue and are delivered, in order, when it subscribes again; a new
 * subscription replaces the previous one (a restarted gateway re-subscribes under the same id).
 * Break events are never queued: the subscriber gets every break still outstanding, recomputed
 * from the table, when it subscribes.
 *
 * <p>{@link #publish} only appends to the subscription's outbox; a drain task on the delivery
 * executor hands events to the sink, one at a time per subscription, in order. So a sink (a gRPC
 * stream whose in-process client may run the gateway's callback on the same thread) never runs
 * under the table mutex and may call back into the service. The hub's monitor is the last in
 * the lock order (see LockTable) and is never held while a sink runs.
 */
public final class EventHub {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);
    static final int MAX_QUEUED = 100_000;

    private final Executor delivery;
    private final Map<String, Deque<CoreEvent>> queued = new HashMap<>();
    private final Map<String, Subscription> live = new HashMap<>();

    /** @param delivery runs drain tasks; {@code Runnable::run} delivers synchronously (tests) */
    public EventHub(Executor delivery) {
        this.delivery = delivery;
    }

    /** A gateway's live stream. {@link #close} detaches it (stream cancelled or replaced). */
    public final class Subscription implements AutoCloseable {
        private final String gatewayId;
        private final Consumer<CoreEvent> sink;
        private final Runnable onReplaced;
        private final Deque<CoreEvent> outbox = new ArrayDeque<>();
        private boolean draining;

        private Subscription(String gatewayId, Consumer<CoreEvent> sink, Runnable onReplaced) {
            this.gatewayId = gatewayId;
            this.sink = sink;
            this.onReplaced = onReplaced;
        }

        @Override
        public void close() {
            synchronized (EventHub.this) {
                detach(this);
            }
        }

        private void drain() {
            while (true) {
                CoreEvent e;
                synchronized (EventHub.this) {
                    e = outbox.pollFirst();
                    if (e == null || live.get(gatewayId) != this) {
                        draining = false;
                        return;
                    }
                }
                try {
                    sink.accept(e);
                } catch (RuntimeException ex) {
                    // the stream is gone (cancelled, closed): its events wait for the next subscription
                    log.info("event stream of gateway {} failed ({}); events wait for it to re-subscribe",
                            gatewayId, ex.toString());
                    synchronized (EventHub.this) {
                        outbox.addFirst(e);
                        detach(this);
                        draining = false;
                    }
                    return;
                }
            }
        }
    }

    public synchronized void publish(CoreEvent e) {
        Subscription s = live.get(e.gatewayId());
        if (s != null) {
            s.outbox.addLast(e);
            startDrain(s);
        } else {
            queue(e);
        }
    }

    /**
     * Attaches {@code sink} as the gateway's stream: first {@code outstandingBreaks}, then the
     * queued granted events, then live ones. The caller computes the breaks under the table mutex
     * and calls this still holding it, so no break can be missed or resolved in between.
     */
    public synchronized Subscription subscribe(String gatewayId, Consumer<CoreEvent> sink,
                                               List<CoreEvent> outstandingBreaks, Runnable onReplaced) {
        Subscription s = new Subscription(gatewayId, sink, onReplaced);
        Subscription old = live.get(gatewayId);
        if (old != null) {
            detach(old);
            delivery.execute(old.onReplaced);
        }
        live.put(gatewayId, s);
        s.outbox.addAll(outstandingBreaks);
        Deque<CoreEvent> q = queued.remove(gatewayId);
        if (q != null) {
            s.outbox.addAll(q);
        }
        startDrain(s);
        return s;
    }

    /** Whether the gateway has a stream attached now. */
    public synchronized boolean connected(String gatewayId) {
        return live.containsKey(gatewayId);
    }

    public synchronized int queuedFor(String gatewayId) {
        Deque<CoreEvent> q = queued.get(gatewayId);
        return q == null ? 0 : q.size();
    }

    private void startDrain(Subscription s) {
        if (!s.draining && !s.outbox.isEmpty()) {
            s.draining = true;
            delivery.execute(s::drain);
        }
    }

    /** Called with the monitor held: undelivered granted events go back to the gateway's queue. */
    private void detach(Subscription s) {
        if (live.remove(s.gatewayId, s)) {
            for (CoreEvent e : s.outbox) {
                queue(e);
            }
            s.outbox.clear();
        }
    }

    private void queue(CoreEvent e) {
        if (!(e instanceof CoreEvent.Granted)) {
            return; // breaks are recomputed from the table on subscribe
        }
        Deque<CoreEvent> q = queued.computeIfAbsent(e.gatewayId(), k -> new ArrayDeque<>());
        if (q.size() >= MAX_QUEUED) {
            log.warn("gateway {} has {} undelivered events; dropping the oldest", e.gatewayId(), q.size());
            q.removeFirst();
        }
        q.addLast(e);
    }
}
