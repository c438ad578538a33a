package io.dittofs.contracts.grpc;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line for a service call or protocol operation that took longer than
 * {@value #PROPERTY} (default 500 ms; 0 turns it off). Logged by {@value #LOGGER}, so the lines can
 * be routed or silenced on their own.
 */
public final class SlowCalls {

    public static final String PROPERTY = "dittofs.logging.slow-call-threshold";
    public static final Duration DEFAULT = Duration.ofMillis(500);
    public static final String LOGGER = "dittofs.slow-calls";
    public static final SlowCalls OFF = new SlowCalls(Duration.ZERO);

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final long thresholdNanos;

    public SlowCalls(Duration threshold) {
        if (threshold.isNegative()) {
            throw new IllegalArgumentException(PROPERTY + "=" + threshold + " is negative; use 0 to turn slow-call logging off");
        }
        this.thresholdNanos = threshold.toNanos();
    }

    public boolean enabled() {
        return thresholdNanos > 0;
    }

    /**
     * Logs when {@code nanos} is above the threshold; {@code kind} is "service call" or a protocol
     * name, {@code trace} the operation's id (null: none).
     */
    public void check(String kind, String op, String status, long nanos, String trace) {
        if (thresholdNanos > 0 && nanos > thresholdNanos) {
            log.warn("slow {} {} took {} ms, status {}, trace {}", kind, op, nanos / 1_000_000, status, trace);
        }
    }

    public Duration threshold() {
        return Duration.ofNanos(thresholdNanos);
    }
}
