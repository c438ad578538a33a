package io.dittofs.lock.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the one live subscription per gateway id. Events for a gateway without a
 * live subscription wait in its queue and are delivered, in order, when it subscribes again; a new
 * subscription replaces the previous one (a restarted gateway re-subscribes under the same id).
 * Break events are never queued: the subscriber gets every break still outstanding, recomputed
 * from the table, when it subscribes. Its monitor is the last in the lock order (see LockTable).
 */
public final class EventHub {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);
    static final int MAX_QUEUED = 100_000;

    private final Map<String, Deque<CoreEvent>> queued = new HashMap<>();
    private final Map<String, Subscription> live = new HashMap<>();

    /** A gateway's live stream. {@link #close} detaches it (stream cancelled or replaced). */
    public final class Subscription implements AutoCloseable {
        private final String gatewayId;
        private final Consumer<CoreEvent> sink;
        private final Runnable onReplaced;

        private Subscription(String gatewayId, Consumer<CoreEvent> sink, Runnable onReplaced) {
            this.gatewayId = gatewayId;
            this.sink = sink;
            this.onReplaced = onReplaced;
        }

        @Override
        public void close() {
            synchronized (EventHub.this) {
                live.remove(gatewayId, this);
            }
        }
    }

    public synchronized void publish(CoreEvent e) {
        Subscription s = live.get(e.gatewayId());
        if (s != null && deliver(s, e)) {
            return;
        }
        if (e instanceof CoreEvent.Granted) {
            Deque<CoreEvent> q = queued.computeIfAbsent(e.gatewayId(), k -> new ArrayDeque<>());
            if (q.size() >= MAX_QUEUED) {
                log.warn("gateway {} has {} undelivered events; dropping the oldest", e.gatewayId(), q.size());
                q.removeFirst();
            }
            q.addLast(e);
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
        Subscription old = live.put(gatewayId, s);
        if (old != null) {
            old.onReplaced.run();
        }
        for (CoreEvent e : outstandingBreaks) {
            if (!deliver(s, e)) {
                return s;
            }
        }
        Deque<CoreEvent> q = queued.get(gatewayId);
        while (q != null && !q.isEmpty()) {
            if (!deliver(s, q.peekFirst())) {
                return s;
            }
            q.removeFirst();
        }
        queued.remove(gatewayId);
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

    private boolean deliver(Subscription s, CoreEvent e) {
        try {
            s.sink.accept(e);
            return true;
        } catch (RuntimeException ex) {
            // the stream is gone (cancelled, closed): keep the event for the next subscription
            log.info("event stream of gateway {} failed ({}); events wait for it to re-subscribe", s.gatewayId, ex.toString());
            live.remove(s.gatewayId, s);
            return false;
        }
    }
}
