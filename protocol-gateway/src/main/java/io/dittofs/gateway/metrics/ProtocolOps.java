package io.dittofs.gateway.metrics;

import io.dittofs.contracts.grpc.InflightGauges;
import io.dittofs.contracts.grpc.SlowCalls;
import io.dittofs.contracts.grpc.TraceIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The meters of one protocol (NFSv3, MOUNT, NLM, NFSv4 operations, SMB2 commands, ...): a timer per
 * operation and status, bytes in and out, operations in flight, and the slow-operation line.
 * Operations are numbered by the protocol (procedure, opcode, command); timers are registered the
 * first time an (operation, status) pair occurs and found again by array index and a short scan,
 * so recording allocates nothing. {@link #DISABLED} records nothing at all.
 *
 * <ul>
 *   <li>{@value #OPERATIONS}: timer, tags protocol, op, status;</li>
 *   <li>{@value #BYTES}: counter, tags protocol, direction (in, out);</li>
 *   <li>{@value #INFLIGHT}: gauge, tag protocol.</li>
 * </ul>
 */
public final class ProtocolOps {

    public static final String OPERATIONS = "dittofs.protocol.operations";
    public static final String BYTES = "dittofs.protocol.bytes";
    public static final String INFLIGHT = "dittofs.protocol.inflight";
    /** Operation numbers outside the table are counted under this name. */
    public static final String OTHER = "OTHER";

    public static final ProtocolOps DISABLED = new ProtocolOps();
    /** Status of an operation that ended the connection instead of answering (bad framing, protocol violation). */
    public static final int DROPPED = Integer.MIN_VALUE;
    /** Status of an operation that is answered with no reply by design (SMB2 CANCEL). */
    public static final int NO_REPLY = Integer.MIN_VALUE + 1;

    private final boolean active;
    private final MeterRegistry registry;
    private final SlowCalls slow;
    private final String protocol;
    private final OpSlot[] ops;
    private final OpSlot other;
    private final IntFunction<String> statusName;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final AtomicInteger inflight;

    private ProtocolOps() {
        active = false;
        registry = null;
        slow = SlowCalls.OFF;
        protocol = "disabled";
        ops = new OpSlot[0];
        other = null;
        statusName = Integer::toString;
        bytesIn = null;
        bytesOut = null;
        inflight = null;
    }

    /**
     * @param registry   null = no meters (slow operations may still be logged)
     * @param opNames    operation names by number; null entries are counted as {@link #OTHER}
     * @param statusName the protocol's name of a status code (called once per new timer or slow line)
     */
    public ProtocolOps(MeterRegistry registry, SlowCalls slow, String protocol, String[] opNames,
                       IntFunction<String> statusName) {
        this.active = registry != null || slow.enabled();
        this.registry = registry;
        this.slow = slow;
        this.protocol = protocol;
        this.statusName = statusName;
        this.other = new OpSlot(OTHER);
        this.ops = new OpSlot[opNames.length];
        for (int i = 0; i < opNames.length; i++) {
            ops[i] = opNames[i] == null ? other : new OpSlot(opNames[i]);
        }
        if (registry != null) {
            bytesIn = Counter.builder(BYTES).tag("protocol", protocol).tag("direction", "in").baseUnit("bytes").register(registry);
            bytesOut = Counter.builder(BYTES).tag("protocol", protocol).tag("direction", "out").baseUnit("bytes").register(registry);
            inflight = InflightGauges.of(registry, INFLIGHT, "protocol", protocol);
        } else {
            bytesIn = null;
            bytesOut = null;
            inflight = null;
        }
    }

    public String protocol() {
        return protocol;
    }

    /** Call before the operation runs; pass the result to {@link #end}. 0 when disabled. */
    public long begin() {
        if (!active) {
            return 0;
        }
        if (inflight != null) {
            inflight.incrementAndGet();
        }
        return System.nanoTime();
    }

    /**
     * The operation begun at {@code started} is not finished but discarded (tried on the event loop,
     * it would have blocked; it runs again and is measured then): only the in-flight gauge is undone.
     */
    public void abandon(long started) {
        if (started != 0 && inflight != null) {
            inflight.decrementAndGet();
        }
    }

    /** The operation {@code op} finished with {@code status}; {@code started} is what {@link #begin} returned. */
    public void end(int op, int status, long started) {
        if (!active) {
            return;
        }
        long nanos = System.nanoTime() - started;
        OpSlot slot = op >= 0 && op < ops.length ? ops[op] : other;
        if (registry != null) {
            inflight.decrementAndGet();
            slot.timer(status).record(nanos, TimeUnit.NANOSECONDS);
        }
        if (slow.enabled()) {
            slow.check(protocol, slot.name, slot.statusName(status), nanos, TraceIds.current());
        }
    }

    /** Bytes received and sent for one operation (or message). */
    public void bytes(long in, long out) {
        if (registry != null) {
            bytesIn.increment(in);
            bytesOut.increment(out);
        }
    }

    /** Timers of one operation by status: a short array scanned per call, copied when a status is new. */
    private final class OpSlot {
        final String name;
        private volatile int[] codes = new int[0];
        private volatile Timer[] timers = new Timer[0];
        private volatile String[] names = new String[0];

        OpSlot(String name) {
            this.name = name;
        }

        Timer timer(int status) {
            int[] c = codes;
            for (int i = 0; i < c.length; i++) {
                if (c[i] == status) {
                    return timers[i];
                }
            }
            return add(status).timer;
        }

        String statusName(int status) {
            int[] c = codes;
            for (int i = 0; i < c.length; i++) {
                if (c[i] == status) {
                    return names[i];
                }
            }
            return add(status).name;
        }

        private synchronized Added add(int status) {
            int[] c = codes;
            for (int i = 0; i < c.length; i++) {
                if (c[i] == status) {
                    return new Added(timers[i], names[i]);
                }
            }
            String sn = statusName.apply(status);
            Timer t = registry == null ? null : Timer.builder(OPERATIONS)
                    .tag("protocol", protocol).tag("op", name).tag("status", sn)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(10_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
            int n = c.length;
            int[] nc = java.util.Arrays.copyOf(c, n + 1);
            Timer[] nt = java.util.Arrays.copyOf(timers, n + 1);
            String[] nn = java.util.Arrays.copyOf(names, n + 1);
            nc[n] = status;
            nt[n] = t;
            nn[n] = sn;
            // names and timers first: a reader that sees the new code finds both
            timers = nt;
            names = nn;
            codes = nc;
            return new Added(t, sn);
        }
    }

    private record Added(Timer timer, String name) {
    }
}
