package io.dittofs.gateway.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes buffered by all connections of a listener (partial and queued requests, unsent replies).
 * A connection that pushes the total over the limit stops reading and waits here; releases that
 * bring the total back under the limit wake the waiters.
 */
public final class ByteBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final Queue<Connection> waiting = new ConcurrentLinkedQueue<>();

    public ByteBudget(long limit) {
        this.limit = limit;
    }

    /** Adds (or with a negative delta releases) bytes; returns whether the total is within the limit. */
    boolean add(long delta) {
        long now = used.addAndGet(delta);
        if (delta < 0 && now < limit && !waiting.isEmpty()) {
            wake();
        }
        return now <= limit;
    }

    boolean withinLimit() {
        return used.get() <= limit;
    }

    void await(Connection c) {
        waiting.add(c);
        if (withinLimit()) {
            wake();
        }
    }

    private void wake() {
        Connection c;
        while (withinLimit() && (c = waiting.poll()) != null) {
            c.budgetAvailable();
        }
    }

    public long used() {
        return used.get();
    }

    public long limit() {
        return limit;
    }
}
