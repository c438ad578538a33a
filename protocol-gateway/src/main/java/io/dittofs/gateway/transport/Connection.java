package io.dittofs.gateway.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The transport's state of one accepted connection. Codecs report frame progress, protocol
 * handlers report requests and reply bytes; the connection decides when to stop reading (too many
 * requests running, replies not consumed, byte budget used up) and when to close (idle, no frame,
 * a frame started too long ago). All methods run on the channel's event loop unless noted.
 */
public final class Connection {

    static final AttributeKey<Connection> KEY = AttributeKey.valueOf("dittofs.transport.connection");
    private static final int IN_FLIGHT = 1;
    private static final int UNWRITABLE = 2;
    private static final int BUDGET = 4;
    /** Reasons under which the peer is waiting for us, so no deadline runs. */
    private static final int WAITING_FOR_SERVER = IN_FLIGHT | UNWRITABLE;

    private final Channel channel;
    private final TransportSettings settings;
    private final ByteBudget budget;
    private final TransportMetrics metrics;
    private final long openedAt = System.nanoTime();
    private ScheduledFuture<?> ticker;
    private int paused;
    private int inFlight;
    private long held;
    private boolean closed;
    private boolean wholeFrameSeen;
    private long frameStartedAt = -1;
    private long lastActivity = openedAt;
    private long unwritableSince;

    Connection(Channel channel, TransportSettings settings, ByteBudget budget, TransportMetrics metrics) {
        this.channel = channel;
        this.settings = settings;
        this.budget = budget;
        this.metrics = metrics;
    }

    /** The connection state of a channel accepted by a {@link TcpListener}, or null for any other channel. */
    public static Connection of(Channel ch) {
        return ch.attr(KEY).get();
    }

    public Channel channel() {
        return channel;
    }

    /**
     * A codec's report after one decoding pass: {@code completed} whole frames were produced and a
     * further frame is (or is not) partly received.
     */
    public void frameProgress(int completed, boolean partialPending) {
        long now = System.nanoTime();
        lastActivity = now;
        if (completed > 0) {
            wholeFrameSeen = true;
            frameStartedAt = -1;
        }
        if (!partialPending) {
            frameStartedAt = -1;
        } else if (frameStartedAt < 0) {
            frameStartedAt = now;
        }
    }

    /** Bytes this connection buffers (positive) or no longer buffers (negative), counted in the listener's budget. */
    public void buffered(long delta) {
        if (closed || delta == 0) {
            return;
        }
        held += delta;
        if (!budget.add(delta) && delta > 0 && (paused & BUDGET) == 0) {
            pause(BUDGET);
            metrics.pausedBudget.increment();
            budget.await(this);
        }
    }

    /** A request starts running; at the per-connection cap reading stops. */
    public void requestStarted() {
        if (++inFlight >= settings.maxInFlightPerConnection()) {
            pause(IN_FLIGHT);
        }
    }

    public void requestFinished() {
        inFlight--;
        lastActivity = System.nanoTime();
        if (inFlight < settings.maxInFlightPerConnection()) {
            resume(IN_FLIGHT);
        }
    }

    public int inFlight() {
        return inFlight;
    }

    /** Writes and flushes a reply, counting its bytes in the budget until the socket took them. */
    public ChannelFuture writeAndFlush(ChannelHandlerContext ctx, ByteBuf reply) {
        int n = reply.readableBytes();
        buffered(n);
        return ctx.writeAndFlush(reply).addListener(f -> {
            lastActivity = System.nanoTime();
            buffered(-n);
        });
    }

    void writabilityChanged() {
        if (channel.isWritable()) {
            resume(UNWRITABLE);
        } else if ((paused & UNWRITABLE) == 0) {
            metrics.pausedUnwritable.increment();
            unwritableSince = System.nanoTime();
            pause(UNWRITABLE);
        }
    }

    /** Any thread: the budget has room again. */
    void budgetAvailable() {
        channel.eventLoop().execute(() -> {
            if (closed || (paused & BUDGET) == 0) {
                return;
            }
            if (budget.withinLimit()) {
                resume(BUDGET);
            } else {
                budget.await(this);
            }
        });
    }

    private void pause(int reason) {
        if (paused == 0) {
            channel.config().setAutoRead(false);
        }
        paused |= reason;
    }

    private void resume(int reason) {
        if ((paused & reason) == 0) {
            return;
        }
        paused &= ~reason;
        if (paused == 0) {
            if (frameStartedAt >= 0) {
                // the peer could not send while we did not read: its deadline starts over
                frameStartedAt = System.nanoTime();
            }
            channel.config().setAutoRead(true);
        }
    }

    void start() {
        long period = Math.min(settings.idleTimeout().toNanos(),
                Math.min(settings.firstFrameTimeout().toNanos(), settings.frameDeadline().toNanos())) / 4;
        period = Math.clamp(period, TimeUnit.MILLISECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(1));
        ticker = channel.eventLoop().scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        if (closed) {
            return;
        }
        if ((paused & BUDGET) != 0 && budget.withinLimit()) {
            resume(BUDGET);
        }
        long now = System.nanoTime();
        if ((paused & UNWRITABLE) != 0 && now - unwritableSince > settings.frameDeadline().toNanos()) {
            // a peer that does not read its replies holds a slot and buffers: slow-read gets the same deadline
            metrics.closedSlowRead.increment();
            channel.close();
            return;
        }
        if ((paused & WAITING_FOR_SERVER) != 0) {
            return;
        }
        if (!wholeFrameSeen && now - openedAt > settings.firstFrameTimeout().toNanos()) {
            metrics.closedNoFrame.increment();
            channel.close();
        } else if (frameStartedAt >= 0 && now - frameStartedAt > settings.frameDeadline().toNanos()) {
            metrics.closedSlowFrame.increment();
            channel.close();
        } else if (inFlight == 0 && frameStartedAt < 0 && now - lastActivity > settings.idleTimeout().toNanos()) {
            metrics.closedIdle.increment();
            channel.close();
        }
    }

    void closed() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
        budget.add(-held);
        held = 0;
    }
}
