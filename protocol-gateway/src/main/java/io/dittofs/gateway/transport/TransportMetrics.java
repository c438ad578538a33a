package io.dittofs.gateway.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one listener, read through getters (not bound to Micrometer yet; a meter binder can
 * wrap these getters).
 */
public final class TransportMetrics {

    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder closedIdle = new LongAdder();
    final LongAdder closedNoFrame = new LongAdder();
    final LongAdder closedSlowFrame = new LongAdder();
    final LongAdder closedSlowRead = new LongAdder();
    final LongAdder pausedUnwritable = new LongAdder();
    final LongAdder pausedBudget = new LongAdder();
    private final ConnectionAdmission admission;
    private final ByteBudget budget;

    TransportMetrics(ConnectionAdmission admission, ByteBudget budget) {
        this.admission = admission;
        this.budget = budget;
    }

    public int openConnections() {
        return admission.open();
    }

    public long acceptedConnections() {
        return accepted.sum();
    }

    /** Closed on accept by the connection caps. */
    public long refusedConnections() {
        return refused.sum();
    }

    public long closedIdle() {
        return closedIdle.sum();
    }

    /** Closed because no whole frame arrived within the first-frame timeout. */
    public long closedWithoutFrame() {
        return closedNoFrame.sum();
    }

    /** Closed because a started frame was not completed within the frame deadline. */
    public long closedSlowFrame() {
        return closedSlowFrame.sum();
    }

    /** Closed because its unsent replies stayed above the budget for longer than the frame deadline. */
    public long closedSlowRead() {
        return closedSlowRead.sum();
    }

    /** Times a connection stopped reading because its replies were not being consumed. */
    public long pausedForUnsentReplies() {
        return pausedUnwritable.sum();
    }

    /** Times a connection stopped reading because the listener's byte budget was used up. */
    public long pausedForBudget() {
        return pausedBudget.sum();
    }

    public long bufferedBytes() {
        return budget.used();
    }
}
